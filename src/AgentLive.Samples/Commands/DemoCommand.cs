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

    public static Task<int> RunAsync(HostOptions host, IAnsiConsole console, CancellationToken cancellationToken) =>
        DemoRun.RunAsync(host, async (monitor, replay, replaying, stopping) =>
        {
            Task finished = replaying.ContinueWith(_ => Task.Delay(TimeSpan.FromSeconds(25 / host.Speed + 3), stopping), TaskScheduler.Default).Unwrap();
            await LiveCommand.RunAsync(monitor, console, stopping, finished, () =>
                $"demo: replaying {replay.Written}/{replay.Total} lines written by the real Claude Code and Codex CLIs ({host.Speed}× speed) — q or Ctrl-C to quit",
                host.Notify ? new NeedsYouAlerts() : null);
            return ExitCodes.Ok;
        }, cancellationToken);
}
