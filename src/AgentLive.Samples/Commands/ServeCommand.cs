using AgentLive.MissionControl;
using AgentLive.Monitoring;
using AgentLive.Samples.Demo;
using AgentLive.State;

namespace AgentLive.Samples.Commands;

/// <summary>
/// <c>serve</c>: Mission Control, a live web view of every session, on loopback unless <c>--urls</c> says otherwise.
/// Takes the options every command takes, plus <c>--urls URLS</c> and <c>--demo</c>; with no agent root on the
/// machine it serves the demo replay, as the live table does.
/// </summary>
internal static class ServeCommand
{
    public const string Usage = """
        usage: agentlive serve [--urls URLS] [--demo] [options]
          --urls URLS         where to listen (default http://127.0.0.1:0, a free loopback port); ';' separates several
          --demo              serve a replay of the bundled real transcripts instead of this machine's sessions
          (and the options of the other commands: --claude-root, --codex-root, --only, --lookback, --no-processes, --no-demo, --speed)
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        string? urls = null;
        bool demo = false;
        var shared = new List<string> { "live" };
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--urls" when i + 1 < args.Count && args[i + 1].Length > 0:
                    urls = args[++i];
                    break;
                case "--urls":
                    await Console.Error.WriteLineAsync("agentlive: --urls needs an address such as http://127.0.0.1:5000 (see --help)");
                    return ExitCodes.BadUsage;
                case "--demo":
                    demo = true;
                    break;
                default:
                    shared.Add(args[i]);
                    break;
            }
        }

        (HostOptions? host, string? error) = CommandLine.Parse(shared);
        if (host is null)
        {
            await Console.Error.WriteLineAsync($"agentlive: {error} (see --help)");
            return ExitCodes.BadUsage;
        }

        if (host.Command == "help")
        {
            Console.WriteLine(Usage);
            return ExitCodes.Ok;
        }

        foreach ((string option, string? root) in (ReadOnlySpan<(string, string?)>)[("--claude-root", host.ClaudeRoot), ("--codex-root", host.CodexRoot)])
        {
            if (root is not null && CommandLine.CheckRoot(root) is { } problem)
            {
                await Console.Error.WriteLineAsync($"agentlive: {option} {root}: {problem}");
                return ExitCodes.BadUsage;
            }
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        SessionMonitorOptions options = MonitorFactory.Options(host);
        DemoReplay? replay = null;
        Task replaying = Task.CompletedTask;
        string? note = null;
        if (demo || (!host.NoDemo && !MonitorFactory.AnyRootExists(options)))
        {
            string data = Path.Combine(AppContext.BaseDirectory, "DemoData");
            if (!Directory.Exists(data))
            {
                await Console.Error.WriteLineAsync("agentlive: the demo transcripts are missing next to the program.");
                return ExitCodes.Failed;
            }

            if (!demo)
            {
                Console.WriteLine("No Claude Code or Codex sessions on this machine (no ~/.claude or ~/.codex): serving a demo of recorded sessions instead.");
            }

            replay = DemoReplay.Load(data, host.Speed);
            // Replayed sessions have no processes: detection would only report them gone; a quiet one is done after 20 s.
            options = MonitorFactory.Options(
                host with { ClaudeRoot = replay.ClaudeRoot, CodexRoot = replay.CodexRoot, Only = null, NoProcesses = true },
                new StatusThresholds { DoneAfter = TimeSpan.FromSeconds(20) });
            note = "demo: a replay of sessions recorded from the real Claude Code and Codex CLIs";
        }

        try
        {
            await using SessionMonitor monitor = SessionMonitor.Create(options);
            if (replay is not null)
            {
                replaying = replay.RunAsync(cancel.Token);
            }

            await MissionControlServer.RunAsync(monitor, new MissionControlOptions { Urls = urls, Note = note }, cancel.Token);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"agentlive: {e.Message}");
            return ExitCodes.Failed;
        }
        finally
        {
            await cancel.CancelAsync();
            await replaying.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            replay?.Dispose();
        }
    }
}
