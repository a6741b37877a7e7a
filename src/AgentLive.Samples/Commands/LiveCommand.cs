using System.CommandLine;
using AgentLive;
using AgentLive.Samples.Alerts;
using AgentLive.Samples.Cli;
using AgentLive.Samples.Views;
using Spectre.Console;

namespace AgentLive.Samples.Commands;

/// <summary>The live table, redrawn a few times a second until Ctrl-C, <c>q</c>, or <paramref name="until"/> completes.</summary>
internal static class LiveCommand
{
    private static readonly TimeSpan Redraw = TimeSpan.FromMilliseconds(250);

    public static Command Create(SharedOptions shared)
    {
        var command = new Command("live", "A live table of every session under a summary line; q or Ctrl-C quits (the default command)");
        Configure(command, shared);
        return command;
    }

    /// <summary>Makes <paramref name="command"/> the live table: the <c>live</c> command, and the root command too.</summary>
    public static void Configure(Command command, SharedOptions shared)
    {
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not fall back to the demo when neither ~/.claude nor ~/.codex exists" };
        shared.AddMonitorOptions(command);
        command.Add(noDemo);
        command.Add(shared.Notify);
        HostAction.Set(command, async (parse, cancellationToken) =>
        {
            HostOptions host = shared.Read(parse);
            if (await RootCheck.CheckAsync(host, waits: true, Console.Error) is { } exit)
            {
                return exit;
            }

            SessionMonitorOptions options = MonitorFactory.Options(host);
            // Only a machine with no agent at all gets the demo: roots named on the command line are waited for.
            if (!parse.GetValue(noDemo) && host.ClaudeRoot is null && host.CodexRoot is null && !MonitorFactory.AnyRootExists(options))
            {
                Console.WriteLine("No Claude Code or Codex sessions on this machine (no ~/.claude or ~/.codex): showing a demo of recorded sessions instead.");
                return await DemoCommand.RunAsync(host, AnsiConsole.Console, cancellationToken);
            }

            await using SessionMonitor monitor = SessionMonitor.Create(options);
            return await RunAsync(monitor, AnsiConsole.Console, cancellationToken, alerts: host.Notify ? new NeedsYouAlerts() : null);
        });
    }

    public static async Task<int> RunAsync(
        SessionMonitor monitor, IAnsiConsole console, CancellationToken cancellationToken, Task? until = null, Func<string?>? note = null, NeedsYouAlerts? alerts = null)
    {
        await monitor.StartAsync(cancellationToken);
        // Whoever already waits when the table opens is on screen already: the first look only takes note of them.
        alerts?.Observe(monitor.GetSessions());
        await console.Live(Render(monitor, note)).AutoClear(false).StartAsync(async context =>
        {
            while (!cancellationToken.IsCancellationRequested && until is not { IsCompleted: true } && !QuitPressed())
            {
                context.UpdateTarget(Render(monitor, note));
                context.Refresh();
                foreach (LiveSession session in alerts?.Observe(monitor.GetSessions()) ?? [])
                {
                    DesktopNotifier.Alert(session);
                }

                try
                {
                    await Task.Delay(Redraw, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            context.UpdateTarget(Render(monitor, note));
        });
        return 0;
    }

    private static Spectre.Console.Rendering.IRenderable Render(SessionMonitor monitor, Func<string?>? note) =>
        SessionView.Render(monitor.GetSessions(), monitor.GetSummary(), DateTimeOffset.UtcNow, note?.Invoke());

    private static bool QuitPressed()
    {
        if (Console.IsInputRedirected)
        {
            return false;
        }

        while (Console.KeyAvailable)
        {
            if (Console.ReadKey(intercept: true).Key is ConsoleKey.Q or ConsoleKey.Escape)
            {
                return true;
            }
        }

        return false;
    }
}
