using System.CommandLine;
using AgentLive.Samples.Cli;

namespace AgentLive.Samples.Commands;

/// <summary><c>watch --json</c>: NDJSON, one event per line, flushed per line, until standard input closes or Ctrl-C.</summary>
internal static class WatchCommand
{
    public static Command Create(SharedOptions shared)
    {
        var command = new Command("watch", "Prints every event as one JSON object per line, until standard input closes or Ctrl-C");
        shared.RequireJson(command);
        shared.AddMonitorOptions(command);
        HostAction.SetMonitored(command, shared, waitsForRoots: true, (monitor, parse, cancellationToken) =>
            RunAsync(monitor, Console.Out, Console.In, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(SessionMonitor monitor, TextWriter output, TextReader input, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = Task.Run(async () =>
        {
            try
            {
                // Only the end of the input matters: what arrives is dropped a buffer at a time, never kept as lines
                // (a stream without line feeds would otherwise grow one line without end).
                char[] buffer = new char[4096];
                while (await input.ReadAsync(buffer.AsMemory(), stop.Token) > 0)
                {
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await stop.CancelAsync();
        }, CancellationToken.None);

        try
        {
            await foreach (SessionEvent item in monitor.WatchAsync(stop.Token))
            {
                await output.WriteLineAsync(AgentLiveJson.Serialize(item));
                await output.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        return ExitCodes.Ok;
    }
}
