using System.CommandLine;
using System.Text;
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
        HostAction.SetMonitored(command, shared, waitsForRoots: false, async (monitor, parse, cancellationToken) =>
        {
            // Console.Out writes through every 256 characters: a snapshot of hundreds of sessions (half a megabyte)
            // took two thousand writes at the end of a scan. One buffer of the standard output takes them in a few.
            await using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
            return await RunAsync(monitor, output, cancellationToken);
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
