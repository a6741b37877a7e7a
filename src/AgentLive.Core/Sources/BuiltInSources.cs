namespace AgentLive.Sources;

/// <summary>The sources a monitor watches when its options name none of their own.</summary>
internal static class BuiltInSources
{
    /// <summary>Creates Claude Code's and Codex's sources with their default roots.</summary>
    public static List<ISessionSource> Create() => [new ClaudeSessionSource(), new CodexSessionSource()];
}
