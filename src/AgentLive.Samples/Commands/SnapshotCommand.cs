using System.CommandLine;
using AgentLive;
using AgentLive.Samples.Cli;

namespace AgentLive.Samples.Commands;

/// <summary><c>snapshot --json</c>: every session within the look-back window as one JSON array, done ones included.</summary>
internal static class SnapshotCommand
{
    public static Command Create(SharedOptions shared)
    {
        var command = new Command("snapshot", "Prints every session within the look-back window as a JSON array, done ones included");
        shared.RequireJson(command);
        shared.AddMonitorOptions(command);
        HostAction.Set(command, async (parse, cancellationToken) =>
        {
            HostOptions host = shared.Read(parse);
            if (await RootCheck.CheckAsync(host, waits: false, Console.Error) is { } exit)
            {
                return exit;
            }

            await using SessionMonitor monitor = SessionMonitor.Create(MonitorFactory.Options(host));
            return await RunAsync(monitor, Console.Out, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(SessionMonitor monitor, TextWriter output, CancellationToken cancellationToken)
    {
        await monitor.StartAsync(cancellationToken);
        await output.WriteLineAsync(AgentLiveJson.Serialize(monitor.GetSessions()));
        await output.FlushAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
