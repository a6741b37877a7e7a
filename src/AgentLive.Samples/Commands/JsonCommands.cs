using AgentLive;

namespace AgentLive.Samples.Commands;

/// <summary>The scriptable commands: JSON on standard output, one clear line on standard error when something is wrong.</summary>
internal static class JsonCommands
{
    public static async Task<int> SnapshotAsync(SessionMonitor monitor, TextWriter output, CancellationToken cancellationToken)
    {
        await monitor.StartAsync(cancellationToken);
        await output.WriteLineAsync(AgentLiveJson.Serialize(monitor.GetSessions()));
        await output.FlushAsync(cancellationToken);
        return 0;
    }

    /// <summary>NDJSON: one event per line, flushed per line, until standard input closes or Ctrl-C.</summary>
    public static async Task<int> WatchAsync(SessionMonitor monitor, TextWriter output, TextReader input, CancellationToken cancellationToken)
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

        return 0;
    }

    public static async Task<int> MessagesAsync(SessionMonitor monitor, string sessionId, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await monitor.StartAsync(cancellationToken);
        if (await monitor.GetMessagesAsync(sessionId, cancellationToken) is not { } messages)
        {
            await error.WriteLineAsync($"agentlive: no session with id '{sessionId}' is known to the monitor.");
            return ExitCodes.UnknownSession;
        }

        await output.WriteLineAsync(AgentLiveJson.Serialize(messages));
        return 0;
    }
}
