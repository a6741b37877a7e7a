namespace AgentLive.Sources;

/// <summary>Settings for <see cref="ClaudeSessionSource"/>.</summary>
public sealed class ClaudeSourceOptions
{
    /// <summary>
    /// Gets or sets the Claude Code configuration directories to read (each holds <c>projects/</c> and
    /// <c>sessions/</c>).
    /// </summary>
    /// <value>
    /// The default, <see langword="null"/>, means the directories Claude Code itself uses: each entry of
    /// <c>$CLAUDE_CONFIG_DIR</c> (comma-separated) if set, else <c>~/.claude</c>; plus <c>~/.config/claude</c> when it exists.
    /// </value>
    public IReadOnlyList<string>? Roots { get; set; }
}
