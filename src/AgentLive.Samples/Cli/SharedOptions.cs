using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace AgentLive.Samples.Cli;

/// <summary>
/// The options every monitoring command takes, defined once: a command adds them with <see cref="AddMonitorOptions"/>
/// and reads them back with <see cref="Read"/>, so a new command is one file that declares only what is its own.
/// </summary>
internal sealed class SharedOptions
{
    public SharedOptions()
    {
        ClaudeRoot.Validators.Add(NeedsDirectory);
        CodexRoot.Validators.Add(NeedsDirectory);
        Only.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is not ("claude" or "codex") and var only)
            {
                result.AddError($"--only takes claude or codex, not '{only}'");
            }
        });
    }

    public Option<string?> ClaudeRoot { get; } = new("--claude-root")
    {
        Description = "Read Claude Code sessions from DIR instead of $CLAUDE_CONFIG_DIR or ~/.claude (it may not exist yet)",
        HelpName = "DIR",
    };

    public Option<string?> CodexRoot { get; } = new("--codex-root")
    {
        Description = "Read Codex sessions from DIR instead of $CODEX_HOME or ~/.codex (it may not exist yet)",
        HelpName = "DIR",
    };

    public Option<string?> Only { get; } = new("--only") { Description = "Monitor one source only", HelpName = "claude|codex" };

    public Option<TimeSpan> LookBack { get; } = new("--lookback")
    {
        // No DefaultValueFactory: help would print the default as 1.00:00:00; absent reads as zero, see Read.
        Description = "Read at start the transcripts changed within DURATION, such as 24h, 90m, 2d (default 24h)",
        HelpName = "DURATION",
        CustomParser = ParseLookBack,
    };

    public Option<bool> NoProcesses { get; } = new("--no-processes")
    {
        Description = "Skip process detection: no pids, liveness from transcripts and file age alone",
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log more to stderr: what the monitor reads and re-reads, not only its warnings",
    };

    /// <summary>For the commands that can show the demo: how fast the recordings are replayed.</summary>
    public Option<double> Speed { get; } = new("--speed")
    {
        Description = "Replay the demo N times faster than recorded (default 2)",
        HelpName = "N",
        // A parser rather than a validator: a validator runs after a failed conversion too, and would throw.
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value is > 0 and <= 1000)
            {
                return value;
            }

            result.AddError($"--speed takes a number above 0, up to 1000, not '{text}'");
            return 0;
        },
    };

    /// <summary>For the scriptable commands, which write nothing but JSON; see <see cref="RequireJson"/>.</summary>
    public Option<bool> Json { get; } = new("--json") { Description = "Write JSON (required: this command writes nothing else)" };

    /// <summary>For the commands that show the live table.</summary>
    public Option<bool> Notify { get; } = new("--notify")
    {
        Description = "Ring the terminal bell, and show a desktop notification where there is one, when a session comes to need you",
    };

    /// <summary>Adds the options that choose what to monitor: the roots, <c>--only</c>, <c>--lookback</c>, <c>--no-processes</c>, <c>--verbose</c>.</summary>
    public void AddMonitorOptions(Command command)
    {
        command.Add(ClaudeRoot);
        command.Add(CodexRoot);
        command.Add(Only);
        command.Add(LookBack);
        command.Add(NoProcesses);
        command.Add(Verbose);
    }

    /// <summary>Adds <c>--json</c> and makes it required, with an error that says so rather than a generic one.</summary>
    public void RequireJson(Command command)
    {
        command.Add(Json);
        command.Validators.Add(result =>
        {
            if (!result.GetValue(Json))
            {
                result.AddError($"'{command.Name}' writes JSON: add --json");
            }
        });
    }

    /// <summary>The shared options as the command line gave them; roots made absolute.</summary>
    public HostOptions Read(ParseResult parse) => new()
    {
        ClaudeRoot = FullPath(parse.GetValue(ClaudeRoot)),
        CodexRoot = FullPath(parse.GetValue(CodexRoot)),
        Only = parse.GetValue(Only),
        LookBack = parse.GetValue(LookBack) is { Ticks: > 0 } lookBack ? lookBack : HostOptions.DefaultLookBack,
        NoProcesses = parse.GetValue(NoProcesses),
        Verbose = parse.GetValue(Verbose),
        Notify = parse.GetValue(Notify),
    };

    private static string? FullPath(string? path) => path is null ? null : Path.GetFullPath(path);

    private static void NeedsDirectory(OptionResult result)
    {
        if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string?>()))
        {
            result.AddError($"{result.Option.Name} needs a directory");
        }
    }

    private static TimeSpan ParseLookBack(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return HostOptions.DefaultLookBack;
        }

        if (Duration.TryParse(result.Tokens[0].Value, out TimeSpan duration))
        {
            return duration;
        }

        result.AddError($"--lookback takes a duration such as 24h, 90m or 2d, not '{result.Tokens[0].Value}'");
        return default;
    }
}
