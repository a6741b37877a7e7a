using System.CommandLine;
using AgentLive;
using AgentLive.Samples.Cli;

namespace AgentLive.Samples.Commands;

/// <summary><c>messages &lt;id&gt; --json</c>: one session's conversation; an unknown id is one line on stderr and exit 2.</summary>
internal static class MessagesCommand
{
    public static Command Create(SharedOptions shared)
    {
        var id = new Argument<string>("id") { Description = "The session's id, as snapshot prints it (claude:… or codex:…)" };
        var command = new Command("messages", "Prints one session's conversation as JSON") { id };
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
            return await RunAsync(monitor, parse.GetRequiredValue(id), Console.Out, Console.Error, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(SessionMonitor monitor, string sessionId, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await monitor.StartAsync(cancellationToken);
        if (await monitor.GetMessagesAsync(sessionId, cancellationToken) is not { } messages)
        {
            await error.WriteLineAsync($"agentlive: no session with id '{sessionId}' is known to the monitor.");
            return ExitCodes.UnknownSession;
        }

        await output.WriteLineAsync(AgentLiveJson.Serialize(messages));
        return ExitCodes.Ok;
    }
}
