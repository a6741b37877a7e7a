namespace AgentLive.Sources;

/// <summary>What the process classifiers read from a command line's program path.</summary>
internal static class ProgramNames
{
    /// <summary>The program's file name without its directory or a Windows <c>.exe</c>: <c>claude</c> for <c>…/bin/claude.exe</c>.</summary>
    public static string Of(string path)
    {
        int slash = path.LastIndexOfAny(['/', '\\']);
        string name = slash < 0 ? path : path[(slash + 1)..];
        return name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
    }

    /// <summary>
    /// Whether the program runs a JavaScript file (<c>node</c>, <c>nodejs</c>, <c>bun</c>): an npm-installed CLI is
    /// then told by its script argument, not by its program name.
    /// </summary>
    public static bool IsJavaScriptRuntime(string program) => program is "node" or "nodejs" or "bun";
}
