using System.CommandLine;
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
        HostAction.SetMonitored(command, shared, waitsForRoots: false, (monitor, parse, cancellationToken) =>
            RunAsync(monitor, Console.Out, cancellationToken));
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
