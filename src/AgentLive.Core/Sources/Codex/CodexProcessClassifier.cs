namespace AgentLive.Sources.Codex;

/// <summary>Recognises the Codex CLI's processes from their command line.</summary>
/// <remarks>
/// From npm, <c>codex</c> is a node launcher (<c>node …/.bin/codex</c>, i.e. <c>@openai/codex/bin/codex.js</c>) with
/// a native <c>codex</c> child: the child is the agent. The interactive TUI talks to <c>codex app-server … --managed-daemon</c>
/// (and its <c>app-server daemon pid-update-loop</c> helper), which owns the rollout and the tool processes but is not
/// the user's agent. <c>codex-code-mode-host</c> runs the code-mode tool's JavaScript; <c>codex mcp-server</c> is not a session.
/// </remarks>
internal static class CodexProcessClassifier
{
    public static AgentProcessRole Classify(string? comm, IReadOnlyList<string> argv)
    {
        if (argv.Count == 0)
        {
            return AgentProcessRole.None;
        }

        string program = ProgramNames.Of(argv[0]);
        if (ProgramNames.IsJavaScriptRuntime(program))
        {
            return argv.Count > 1 && IsCodexScript(argv[1]) ? AgentProcessRole.Launcher : AgentProcessRole.None;
        }

        if (program.StartsWith("codex-code-mode", StringComparison.Ordinal) || comm is "codex-code-mode")
        {
            return AgentProcessRole.Helper;
        }

        if (program != "codex" && comm != "codex")
        {
            return AgentProcessRole.None;
        }

        string? command = argv.Count > 1 ? argv[1] : null;
        return command switch
        {
            "app-server" => AgentProcessRole.Daemon,
            "mcp-server" or "mcp" or "login" or "logout" or "completion" or "sandbox" or "debug" => AgentProcessRole.Helper,
            _ => AgentProcessRole.Agent,
        };
    }

    private static bool IsCodexScript(string path) =>
        path.EndsWith("/codex", StringComparison.Ordinal) || path.EndsWith("codex.js", StringComparison.Ordinal)
        || path.EndsWith("\\codex", StringComparison.Ordinal);
}
