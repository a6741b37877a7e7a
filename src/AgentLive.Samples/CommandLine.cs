using System.Globalization;

namespace AgentLive.Samples;

/// <summary>Parses <c>[command] [options]</c>; a bad option is one clear message, never an exception.</summary>
internal static class CommandLine
{
    public const string Usage = """
        usage: agentlive [live|demo|snapshot --json|watch --json|messages <id> --json|stop <id>] [options]
          --claude-root DIR   read Claude Code sessions from DIR instead of $CLAUDE_CONFIG_DIR or ~/.claude
          --codex-root DIR    read Codex sessions from DIR instead of $CODEX_HOME or ~/.codex
          --only claude|codex monitor one source only
          --lookback DURATION startup scan window, such as 24h, 90m, 2d (default 24h)
          --no-processes      skip process detection (liveness from transcripts and file age alone)
          --no-demo           live: do not fall back to the demo when no agent root exists
          --speed N           demo: replay N times faster than recorded (default 2)
        """;

    private static readonly string[] Commands = ["live", "demo", "snapshot", "watch", "messages", "stop"];

    public static (HostOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new HostOptions();
        int i = 0;
        if (args.Count > 0 && !args[0].StartsWith('-'))
        {
            if (!Commands.Contains(args[0], StringComparer.Ordinal))
            {
                return (null, $"unknown command '{args[0]}'");
            }

            options = options with { Command = args[0] };
            i = 1;
            if (options.Command is "messages" or "stop")
            {
                if (i >= args.Count || args[i].StartsWith('-'))
                {
                    return (null, $"'{options.Command}' needs a session id");
                }

                options = options with { SessionId = args[i++] };
            }
        }

        for (; i < args.Count; i++)
        {
            string arg = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (arg)
            {
                case "--json":
                    options = options with { Json = true };
                    break;
                case "--no-processes":
                    options = options with { NoProcesses = true };
                    break;
                case "--no-demo":
                    options = options with { NoDemo = true };
                    break;
                case "--claude-root" or "--codex-root":
                    if (Value() is not { Length: > 0 } root)
                    {
                        return (null, $"{arg} needs a directory");
                    }

                    options = arg == "--claude-root" ? options with { ClaudeRoot = Path.GetFullPath(root) } : options with { CodexRoot = Path.GetFullPath(root) };
                    break;
                case "--only":
                    string? only = Value();
                    if (only is not ("claude" or "codex"))
                    {
                        return (null, "--only takes claude or codex");
                    }

                    options = options with { Only = only };
                    break;
                case "--lookback":
                    if (!TryParseDuration(Value(), out TimeSpan lookBack))
                    {
                        return (null, "--lookback takes a duration such as 24h, 90m or 2d");
                    }

                    options = options with { LookBack = lookBack };
                    break;
                case "--speed":
                    if (!double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out double speed) || speed <= 0 || speed > 1000)
                    {
                        return (null, "--speed takes a number above 0");
                    }

                    options = options with { Speed = speed };
                    break;
                case "-h" or "--help":
                    return (options with { Command = "help" }, null);
                default:
                    return (null, $"unknown option '{arg}'");
            }
        }

        if (options.Command is "snapshot" or "watch" or "messages" && !options.Json)
        {
            return (null, $"'{options.Command}' writes JSON: add --json");
        }

        return (options, null);
    }

    /// <summary>Why a root given on the command line cannot be read, or <see langword="null"/> when it can.</summary>
    public static string? CheckRoot(string root)
    {
        if (!Directory.Exists(root))
        {
            return File.Exists(root) ? "is a file, not a directory" : "does not exist";
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

    public static bool TryParseDuration(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(text) || text.Length < 2)
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
        }

        if (!double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double amount) || amount <= 0)
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
        }

        duration = text[^1] switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => TimeSpan.Zero,
        };
        return duration > TimeSpan.Zero;
    }
}
