using AgentLive;
using AgentLive.Samples.Views;
using Spectre.Console;

namespace AgentLive.Samples.Commands;

/// <summary>The live table, redrawn a few times a second until Ctrl-C, <c>q</c>, or <paramref name="until"/> completes.</summary>
internal static class LiveCommand
{
    private static readonly TimeSpan Redraw = TimeSpan.FromMilliseconds(250);

    public static async Task<int> RunAsync(SessionMonitor monitor, IAnsiConsole console, CancellationToken cancellationToken, Task? until = null, Func<string?>? note = null)
    {
        await monitor.StartAsync(cancellationToken);
        await console.Live(Render(monitor, note)).AutoClear(false).StartAsync(async context =>
        {
            while (!cancellationToken.IsCancellationRequested && until is not { IsCompleted: true } && !QuitPressed())
            {
                context.UpdateTarget(Render(monitor, note));
                context.Refresh();
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
