using System.CommandLine;
using AgentLive.Samples.Alerts;
using AgentLive.Samples.Cli;
using AgentLive.Samples.Demo;
using Spectre.Console;

namespace AgentLive.Samples.Commands;

/// <summary>The live view over a replay of the bundled real transcripts; cleans up after itself.</summary>
internal static class DemoCommand
{
    public static Command Create(SharedOptions shared)
    {
        var command = new Command("demo", "Replays the bundled real-client transcripts into a temporary root and shows them live; cleans up after itself")
        {
            shared.Speed,
            shared.Notify,
        };
        HostAction.Set(command, (parse, cancellationToken) =>
            RunAsync(new HostOptions { Speed = parse.GetValue(shared.Speed) is > 0 and var value ? value : new HostOptions().Speed, Notify = parse.GetValue(shared.Notify) }, AnsiConsole.Console, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(HostOptions host, IAnsiConsole console, CancellationToken cancellationToken)
    {
        string data = Path.Combine(AppContext.BaseDirectory, "DemoData");
        if (!Directory.Exists(data))
        {
            await Console.Error.WriteLineAsync("agentlive: the demo transcripts are missing next to the program.");
            return ExitCodes.Failed;
        }

        using DemoReplay replay = DemoReplay.Load(data, host.Speed);

        // The replayed agents have no processes: a quiet, finished Codex session becomes done after 20 s instead of 15 min.
        var thresholds = new StatusThresholds { DoneAfter = TimeSpan.FromSeconds(20) };
        // Replayed sessions have no processes to find: detection would only report every one of them gone.
        SessionMonitorOptions options = MonitorFactory.Options(
            host with { ClaudeRoot = replay.ClaudeRoot, CodexRoot = replay.CodexRoot, Only = null, NoProcesses = true },
            thresholds);
        await using SessionMonitor monitor = SessionMonitor.Create(options);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task replaying = replay.RunAsync(stop.Token);
        Task finished = replaying.ContinueWith(_ => Task.Delay(TimeSpan.FromSeconds(25 / host.Speed + 3), stop.Token), TaskScheduler.Default).Unwrap();
        await LiveCommand.RunAsync(monitor, console, stop.Token, finished, () =>
            $"demo: replaying {replay.Written}/{replay.Total} lines written by the real Claude Code and Codex CLIs ({host.Speed}× speed) — q or Ctrl-C to quit",
            host.Notify ? new NeedsYouAlerts() : null);
        await stop.CancelAsync();
        await replaying.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return ExitCodes.Ok;
    }
}
