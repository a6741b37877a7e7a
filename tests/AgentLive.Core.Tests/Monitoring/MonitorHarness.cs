using AgentLive.Monitoring;
using AgentLive.Sources;
using AgentLive.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AgentLive.Tests.Monitoring;

/// <summary>A monitor over temporary Claude and Codex roots, on a fake clock, and helpers to wait for its events.</summary>
internal sealed class MonitorHarness : IAsyncDisposable
{
    /// <summary>How long a test waits for something the monitor should do at once (real time, bounded).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private IAsyncEnumerator<SessionEvent>? _events;

    /// <param name="configure">Changes the options (polling, on the fake clock, unless it says otherwise).</param>
    /// <param name="now">The fake clock's start.</param>
    /// <param name="watchers">Makes the file-system watchers when polling is off; by default real ones.</param>
    public MonitorHarness(Action<SessionMonitorOptions>? configure = null, DateTimeOffset? now = null, Func<string, FileSystemWatcher>? watchers = null)
    {
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 24, 0, 30, 0, TimeSpan.Zero));
        // The recordings' working directories do not exist here: process detection would only say "gone".
        Options = new SessionMonitorOptions { TimeProvider = Time, UsePolling = true, LoggerFactory = Logs, DetectProcesses = false };
        Options.Sources.Clear();
        Options.Sources.Add(new ClaudeSessionSource(new ClaudeSourceOptions { Roots = [Claude.Path] }));
        Options.Sources.Add(new CodexSessionSource(new CodexSourceOptions { Roots = [Codex.Path] }));
        configure?.Invoke(Options);
        Monitor = SessionMonitor.Create(Options, (options, time, metrics, logger) => Signal = new RescanOnDemandSignal(
            options.UsePolling
                ? new PollingChangeSignal(time, options.ReconcileInterval)
                : new FileSystemChangeSignal(watchers ?? (directory => new FileSystemWatcher(directory)), time, options.ReconcileInterval, metrics, logger)));
    }

    public FixtureRoot Claude { get; } = new();

    public FixtureRoot Codex { get; } = new();

    public FakeTimeProvider Time { get; }

    public ListLoggerFactory Logs { get; } = new();

    public SessionMonitorOptions Options { get; }

    public SessionMonitor Monitor { get; }

    /// <summary>Gets the monitor's change signal: ticks on <see cref="Time"/>, and rescans on demand.</summary>
    public RescanOnDemandSignal? Signal { get; private set; }

    public List<SessionEvent> Seen { get; } = [];

    public IAsyncEnumerator<SessionEvent> Events => _events ??= Monitor.WatchAsync().GetAsyncEnumerator();

    /// <summary>
    /// Takes events until one matches, advancing the fake clock by a reconcile interval whenever nothing arrives for a
    /// moment (the reconcile runs on that clock). Fails after <see cref="Patience"/> of real time.
    /// </summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool>? match = null, bool advance = true)
        where T : SessionEvent
    {
        using var deadline = new CancellationTokenSource(Patience);
        Task<bool>? next = null;
        while (true)
        {
            next ??= Events.MoveNextAsync().AsTask();
            Task finished = await Task.WhenAny(next, Task.Delay(50, deadline.Token)).ConfigureAwait(false);
            if (finished == next)
            {
                Assert.True(await next, "the event stream ended");
                next = null;
                Seen.Add(Events.Current);
                if (Events.Current is T item && (match is null || match(item)))
                {
                    return item;
                }

                continue;
            }

            Assert.False(
                deadline.IsCancellationRequested,
                $"no {typeof(T).Name} within {Patience}; saw {string.Join(", ", Seen.Select(e => e.GetType().Name))}; logged: {string.Join(" | ", Logs.Entries.Select(e => e.Message))}");
            if (advance)
            {
                Time.Advance(Options.ReconcileInterval);
            }
        }
    }

    /// <summary>Runs a rescan pass now and waits for its reads: the deterministic way to move the monitor on.</summary>
    public Task ReconcileAsync() => Signal!.RescanAsync();

    /// <summary>Appends lines to a file as a client would: one write per line, each ending with a line feed.</summary>
    public static Task AppendAsync(string path, IEnumerable<byte[]> lines) => Appender.AppendLinesAsync(path, lines);

    public async ValueTask DisposeAsync()
    {
        await Monitor.DisposeAsync();
        if (_events is not null)
        {
            await _events.DisposeAsync();
        }

        Claude.Dispose();
        Codex.Dispose();
        Logs.Dispose();
    }
}
