namespace AgentLive.Sources.Claude;

/// <summary>Recognises Claude Code's processes.</summary>
/// <remarks>
/// Claude Code 2.1 is one native binary (<c>…/@anthropic-ai/claude-code/bin/claude.exe</c>, <c>comm</c> <c>claude</c>);
/// older installs run <c>node …/@anthropic-ai/claude-code/cli.js</c>. Its tool shells are children that carry
/// <c>CLAUDE_CODE_SESSION_ID</c>, never the agent; <c>claude mcp serve</c> is a server, not a session.
/// </remarks>
internal static class ClaudeProcessClassifier
{
    public static AgentProcessRole Classify(ProcessInfo process)
    {
        IReadOnlyList<string> argv = process.CommandLine;
        string program = argv.Count > 0 ? ProgramNames.Of(argv[0]) : process.Name;
        if (ProgramNames.IsJavaScriptRuntime(program))
        {
            return argv.Skip(1).Any(a => a.Contains("@anthropic-ai/claude-code", StringComparison.Ordinal) || a.EndsWith("/claude", StringComparison.Ordinal))
                ? AgentProcessRole.Agent
                : AgentProcessRole.None;
        }

        if (program is not "claude" && process.Name is not "claude")
        {
            return AgentProcessRole.None;
        }

        return argv.Count > 1 && argv[1] is "mcp" or "config" or "doctor" or "update" or "install" or "migrate-installer"
            ? AgentProcessRole.Helper
            : AgentProcessRole.Agent;
    }
}
