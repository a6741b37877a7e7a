namespace AgentLive.Sources;

/// <summary>Settings for <see cref="CodexSessionSource"/>.</summary>
public sealed class CodexSourceOptions
{
    /// <summary>Gets or sets the Codex home directories to read (each holds <c>sessions/</c> and <c>archived_sessions/</c>).</summary>
    /// <value>The default, <see langword="null"/>, means <c>$CODEX_HOME</c> if set, else <c>~/.codex</c>.</value>
    public IReadOnlyList<string>? Roots { get; set; }
}
