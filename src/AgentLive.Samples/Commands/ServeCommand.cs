using System.CommandLine;
using AgentLive.MissionControl;
using AgentLive.Samples.Cli;
using AgentLive.Samples.Demo;

namespace AgentLive.Samples.Commands;

/// <summary>
/// <c>serve</c>: Mission Control, a live web view of every session of both sources, on loopback unless <c>--urls</c>
/// says otherwise. Takes the options the other monitoring commands take; with no agent root on the machine (and no
/// root given) it serves the demo replay, as the live table does; <c>--demo</c> asks for it.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(SharedOptions shared)
    {
        var urls = new Option<string?>("--urls")
        {
            Description = "Where to listen, ';' between several (default http://127.0.0.1:0, a free loopback port); anything but loopback is announced with a warning",
            HelpName = "URLS",
        };
        urls.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string?>()))
            {
                result.AddError("--urls needs an address such as http://127.0.0.1:5000");
            }
        });
        var demo = new Option<bool>("--demo") { Description = "Serve a replay of the bundled real-client transcripts instead of this machine's sessions" };
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not fall back to the demo when neither ~/.claude nor ~/.codex exists" };
        var command = new Command("serve", "Mission Control: prints one URL on loopback and serves a live web view of every session, both sources side by side")
        {
            urls,
            demo,
            noDemo,
            shared.Speed,
        };
        shared.AddMonitorOptions(command);
        HostAction.Set(command, async (parse, cancellationToken) =>
        {
            HostOptions host = shared.Read(parse);
            if (parse.GetValue(shared.Speed) is > 0 and var value)
            {
                host = host with { Speed = value };
            }

            if (await RootCheck.CheckAsync(host, waits: true, Console.Error) is { } exit)
            {
                return exit;
            }

            SessionMonitorOptions options = MonitorFactory.Options(host);
            bool noAgents = host.ClaudeRoot is null && host.CodexRoot is null && !MonitorFactory.AnyRootExists(options);
            if (parse.GetValue(demo) || (!parse.GetValue(noDemo) && noAgents))
            {
                if (!parse.GetValue(demo))
                {
                    Console.WriteLine("No Claude Code or Codex sessions on this machine (no ~/.claude or ~/.codex): serving a demo of recorded sessions instead.");
                }

                return await RunDemoAsync(host, parse.GetValue(urls), cancellationToken);
            }

            await using SessionMonitor monitor = SessionMonitor.Create(options);
            return await RunAsync(monitor, new MissionControlOptions { Urls = parse.GetValue(urls) }, cancellationToken);
        });
        return command;
    }

    private static Task<int> RunDemoAsync(HostOptions host, string? urls, CancellationToken cancellationToken) =>
        DemoRun.RunAsync(host, (monitor, _, _, _) => RunAsync(
            monitor,
            new MissionControlOptions { Urls = urls, Note = "demo: a replay of sessions recorded from the real Claude Code and Codex CLIs" },
            cancellationToken), cancellationToken);

    private static async Task<int> RunAsync(SessionMonitor monitor, MissionControlOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await MissionControlServer.RunAsync(monitor, options, cancellationToken);
            return ExitCodes.Ok;
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"agentlive: {e.Message}");
            return ExitCodes.BadUsage;
        }
    }
}
