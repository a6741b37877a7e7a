using System.CommandLine;
using AgentLive;
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
        HostAction.Set(command, async (parse, cancellationToken) =>
        {
            HostOptions host = shared.Read(parse);
            if (await RootCheck.CheckAsync(host, waits: true, Console.Error) is { } exit)
            {
                return exit;
            }

            await using SessionMonitor monitor = SessionMonitor.Create(MonitorFactory.Options(host));
            return await RunAsync(monitor, Console.Out, Console.In, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(SessionMonitor monitor, TextWriter output, TextReader input, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = Task.Run(async () =>
        {
            try
            {
                while (await input.ReadLineAsync(stop.Token) is not null)
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
