namespace AgentLive.Samples.Cli;

/// <summary>
/// What a command does with a root given on the command line that it cannot use right now. A root that does not exist
/// yet is normal (the agent has not run on this machine, or a test creates it later): the monitor watches the nearest
/// existing parent and picks the root up when it appears. A path that is a file, or a directory that cannot be read,
/// is a mistake to report.
/// </summary>
internal static class RootCheck
{
    /// <summary>Checks the roots given for the sources the command monitors; <see langword="null"/> to go on, else the exit code.</summary>
    /// <param name="host">The parsed options.</param>
    /// <param name="waits">Whether the command keeps running (live, watch), so a missing root can still appear.</param>
    /// <param name="error">Where notes and errors go.</param>
    public static async Task<int?> CheckAsync(HostOptions host, bool waits, TextWriter error)
    {
        foreach ((string option, string? root, string source) in ((string, string?, string)[])[
            ("--claude-root", host.ClaudeRoot, "claude"), ("--codex-root", host.CodexRoot, "codex")])
        {
            // A root of a source left out with --only is never read, so whatever it is does not matter.
            if (root is null || (host.Only is not null && host.Only != source))
            {
                continue;
            }

            if (!Directory.Exists(root) && !File.Exists(root))
            {
                await error.WriteLineAsync(waits
                    ? $"agentlive: {option} {root} does not exist yet; its sessions will show when it appears"
                    : $"agentlive: warning: {option} {root} does not exist; no sessions from it");
                continue;
            }

            if (Problem(root) is { } problem)
            {
                await error.WriteLineAsync($"agentlive: {option} {root}: {problem}");
                return ExitCodes.BadUsage;
            }
        }

        return null;
    }

    private static string? Problem(string root)
    {
        if (!Directory.Exists(root))
        {
            return "is a file, not a directory";
        }

        try
        {
            using IEnumerator<string> entries = Directory.EnumerateFileSystemEntries(root).GetEnumerator();
            entries.MoveNext();
            return null;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return $"cannot be read ({e.Message})";
        }
    }
}
