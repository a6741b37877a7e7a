namespace AgentLive.Samples.Demo;

/// <summary>
/// What every view of the demo shares: the bundled recordings replayed into a temporary root, a monitor over it,
/// and everything stopped and removed when the view ends.
/// </summary>
internal static class DemoRun
{
    /// <summary>Replays the demo and shows it with <paramref name="show"/> until that returns.</summary>
    /// <param name="host">The command line: its speed and notification choice.</param>
    /// <param name="show">The view: given the monitor, the replay, the replay's own task and a token ended with the view.</param>
    /// <param name="cancellationToken">Ends the demo.</param>
    /// <returns>The view's exit code, or <see cref="ExitCodes.Failed"/> when the recordings are missing.</returns>
    public static async Task<int> RunAsync(
        HostOptions host,
        Func<SessionMonitor, DemoReplay, Task, CancellationToken, Task<int>> show,
        CancellationToken cancellationToken)
    {
        string data = Path.Combine(AppContext.BaseDirectory, "DemoData");
        if (!Directory.Exists(data))
        {
            await Console.Error.WriteLineAsync("agentlive: the demo transcripts are missing next to the program.");
            return ExitCodes.Failed;
        }

        using DemoReplay replay = DemoReplay.Load(data, host.Speed);

        // Replayed sessions have no processes to find: detection would only report every one of them gone, and a
        // quiet, finished one becomes done after 20 s instead of 15 min.
        SessionMonitorOptions options = MonitorFactory.Options(
            host with { ClaudeRoot = replay.ClaudeRoot, CodexRoot = replay.CodexRoot, Only = null, NoProcesses = true },
            new StatusThresholds { DoneAfter = TimeSpan.FromSeconds(20) });
        await using SessionMonitor monitor = SessionMonitor.Create(options);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task replaying = replay.RunAsync(stop.Token);
        try
        {
            return await show(monitor, replay, replaying, stop.Token);
        }
        finally
        {
            await stop.CancelAsync();
            await replaying.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
