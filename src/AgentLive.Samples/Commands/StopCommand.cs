using AgentLive.Monitoring;
using AgentLive.State;

namespace AgentLive.Samples.Commands;

/// <summary>Stops the agent process behind a session.</summary>
internal static class StopCommand
{
    public static async Task<int> RunAsync(SessionMonitor monitor, string sessionId, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await monitor.StartAsync(cancellationToken);
        LiveSession? session = monitor.Sessions.FirstOrDefault(s => s.Id == sessionId);
        if (session is null)
        {
            await error.WriteLineAsync($"agentlive: no session with id '{sessionId}'");
            return ExitCodes.UnknownSession;
        }

        await output.WriteLineAsync($"{sessionId}: no live agent process to stop");
        return ExitCodes.NoLiveProcess;
    }
}
