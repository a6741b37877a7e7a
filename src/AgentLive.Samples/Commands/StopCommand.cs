using System.CommandLine;
using AgentLive;
using AgentLive.Samples.Cli;

namespace AgentLive.Samples.Commands;

/// <summary>Stops the agent process behind a session.</summary>
internal static class StopCommand
{
    public static Command Create(SharedOptions shared)
    {
        var id = new Argument<string>("id") { Description = "The session's id, as snapshot prints it (claude:… or codex:…)" };
        var command = new Command("stop", "Stops the agent process behind a session: exit 0 stopped, 3 no live process, 2 unknown id") { id };
        shared.AddMonitorOptions(command);
        HostAction.Set(command, async (parse, cancellationToken) =>
        {
            HostOptions host = shared.Read(parse);
            if (await RootCheck.CheckAsync(host, waits: false, Console.Error) is { } exit)
            {
                return exit;
            }

            await using SessionMonitor monitor = SessionMonitor.Create(MonitorFactory.Options(host));
            return await RunAsync(monitor, parse.GetRequiredValue(id), Console.Out, Console.Error, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(SessionMonitor monitor, string sessionId, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await monitor.StartAsync(cancellationToken);
        StopResult result = await monitor.StopSessionAsync(sessionId, cancellationToken);
        switch (result.Outcome)
        {
            case StopOutcome.UnknownSession:
                await error.WriteLineAsync($"agentlive: {result.Message}");
                return ExitCodes.UnknownSession;
            case StopOutcome.NoProcess:
                await output.WriteLineAsync($"{sessionId}: no live agent process to stop ({result.Message})");
                return ExitCodes.NoLiveProcess;
            case StopOutcome.Stopped or StopOutcome.Killed:
                await output.WriteLineAsync($"{sessionId}: {result.Message}");
                return ExitCodes.Ok;
            default:
                await error.WriteLineAsync($"agentlive: {result.Message}");
                return ExitCodes.Failed;
        }
    }
}
