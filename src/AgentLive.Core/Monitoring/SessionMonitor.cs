using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using AgentLive.Diagnostics;
using AgentLive.Events;
using AgentLive.Monitoring;
using AgentLive.Processes;
using AgentLive.Sources;
using AgentLive.Tailing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentLive;

/// <summary>
/// Finds every session of every registered source, keeps a live snapshot of each, and publishes what changes.
/// </summary>
/// <remarks>
/// <para>
/// Start it with <see cref="StartAsync"/> (or just enumerate <see cref="WatchAsync"/>, which starts it): every
/// transcript modified within <see cref="SessionMonitorOptions.LookBack"/> is read from the start before the first
/// event; older ones are read when they change. From then on file-system notifications, and under them a periodic
/// reconcile of every known file's size and time, bring in each append. Reads of one file never overlap; different
/// files are read in parallel up to <see cref="SessionMonitorOptions.MaxConcurrentReads"/>.
/// </para>
/// <para>
/// Nothing a transcript contains can stop the monitor: malformed lines, oversized lines, truncated, rewritten,
/// deleted or unreadable files are logged and counted (meter <c>AgentLive</c>), and the other sessions go on.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// await using var monitor = SessionMonitor.Create();
/// await foreach (SessionEvent e in monitor.WatchAsync(cancellationToken))
/// {
///     if (e is SessionUpdated { Session: { NeedsYou: true } now, Previous.NeedsYou: false })
///     {
///         Console.WriteLine($"{now.ProjectName} needs you: {now.State.Label}");
///     }
/// }
/// </code>
/// </example>
public sealed class SessionMonitor : IAsyncDisposable, IDisposable
{
    private readonly SessionMonitorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AgentLiveMetrics _metrics;
    private readonly TailReader _reader;
    private readonly SessionBoard _board;
    private readonly TranscriptCatalog _catalog;
    private readonly IChangeSignal _signal;
    private readonly LiveStatusPoller _liveStatus;
    private readonly ProcessTracker? _processes;
    private readonly SessionProjector _projector;
    private readonly TranscriptUpdater _updater;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _startGate = new();
    private Task? _start;
    private Task? _processLoop;
    private int _disposed;

    private SessionMonitor(SessionMonitorOptions options, Func<SessionMonitorOptions, TimeProvider, AgentLiveMetrics, ILogger, IChangeSignal> createSignal)
    {
        _options = options;
        ISessionSource[] sources = [.. options.Sources];
        if (sources.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != sources.Length)
        {
            throw new ArgumentException("Every source must have a distinct name.", nameof(options));
        }

        _time = options.TimeProvider ?? TimeProvider.System;
        ILoggerFactory loggers = options.LoggerFactory ?? NullLoggerFactory.Instance;
        _logger = loggers.CreateLogger<SessionMonitor>();
        _metrics = new AgentLiveMetrics(options.MeterFactory);
        _reader = new TailReader(new TailReaderOptions { MaxLineBytes = options.MaxLineBytes, LoggerFactory = options.LoggerFactory, Metrics = _metrics });
        _board = new SessionBoard(_time, options.SubscriberQueueCapacity, _metrics);
        _catalog = new TranscriptCatalog(sources, _time, options.LookBack, loggers);
        _signal = createSignal(options, _time, _metrics, _logger);
        IProcessScanner? scanner = options.DetectProcesses ? options.ProcessScanner ?? ProcessScanners.CreateDefault() : null;
        _liveStatus = new LiveStatusPoller(sources, scanner, _logger);
        _processes = scanner is null ? null : new ProcessTracker(sources, scanner, _catalog, _liveStatus, _time);
        _projector = new SessionProjector(_catalog, _liveStatus, _processes, _board, _time, options.StatusThresholds, options.CompletedGracePeriod);
        var drift = new FormatDriftReporter(_board, _time, _metrics, _logger);
        _updater = new TranscriptUpdater(_catalog, _signal, _liveStatus, _projector, _reader, options.MaxConcurrentReads, _metrics, drift, _logger);
    }

    /// <summary>Creates a monitor; it does nothing until started.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults (both built-in sources, their default roots).</param>
    /// <returns>The monitor. Dispose it to stop watching and end every enumeration.</returns>
    public static SessionMonitor Create(SessionMonitorOptions? options = null) => Create(options ?? new SessionMonitorOptions(), CreateSignal);

    /// <summary>
    /// Reads every transcript within the look-back window and starts watching. Calling it again returns the same
    /// task; enumerating <see cref="WatchAsync"/> calls it.
    /// </summary>
    /// <param name="cancellationToken">Cancels waiting for the startup scan (the scan itself stops with the monitor).</param>
    /// <returns>A task that completes when the startup scan is done and live watching runs.</returns>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        lock (_startGate)
        {
            _start ??= StartCoreAsync();
        }

        return _start.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Streams the monitor's events: first a <see cref="SessionDiscovered"/> for every current session, the current
    /// <see cref="SummaryChanged"/> and every <see cref="FormatDriftDetected"/> so far, then every change, with no gap
    /// and no duplicate between the two.
    /// </summary>
    /// <param name="cancellationToken">Ends the enumeration (with <see cref="OperationCanceledException"/>).</param>
    /// <returns>The events. Disposing the monitor ends every enumeration normally.</returns>
    /// <remarks>
    /// Each enumeration has its own bounded queue: a slow consumer never holds up reading or other consumers; past
    /// <see cref="SessionMonitorOptions.SubscriberQueueCapacity"/> its waiting updates of a session merge into the newest.
    /// </remarks>
    public async IAsyncEnumerable<SessionEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        SubscriberQueue queue = _board.Subscribe();
        try
        {
            await foreach (SessionEvent item in queue.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            _board.Unsubscribe(queue);
        }
    }

    /// <summary>Gets the current sessions: one immutable snapshot each, ordered by <see cref="LiveSession.Id"/>.</summary>
    /// <returns>A new list; later changes do not alter it.</returns>
    public IReadOnlyList<LiveSession> GetSessions() => _board.Sessions;

    /// <summary>Gets one current session by id.</summary>
    /// <param name="sessionId">A <see cref="LiveSession.Id"/>.</param>
    /// <param name="session">The session's snapshot, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="false"/> when no current session has that id.</returns>
    public bool TryGetSession(string sessionId, [NotNullWhen(true)] out LiveSession? session)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        return _board.TryGet(sessionId, out session);
    }

    /// <summary>Gets the summary as of now.</summary>
    /// <returns>The counts by status and today's tokens and cost.</returns>
    public SessionSummary GetSummary() => _board.Summary;

    /// <summary>Reads one session's whole conversation from its transcript.</summary>
    /// <param name="sessionId">A <see cref="LiveSession.Id"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The messages in transcript order (none for a session with no transcript, <see cref="AgentStateKind.NotRecorded"/>),
    /// or <see langword="null"/> when no current session has that id (the same rule
    /// as <see cref="StopSessionAsync"/>'s <see cref="StopOutcome.UnknownSession"/>: an unknown id is an answer, not
    /// an exception).
    /// </returns>
    public async Task<IReadOnlyList<SessionMessage>?> GetMessagesAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionId);

        if (!_board.TryGet(sessionId, out LiveSession? session))
        {
            return null;
        }

        // An agent that writes no transcript has said nothing to read.
        if (session.FilePath.Length == 0)
        {
            return [];
        }

        // Only a file the monitor found under a source's root can be read: ids never become paths.
        if (!_catalog.TryGet(session.FilePath, out TrackedFile? file))
        {
            return null;
        }

        ISessionMessageReader messages = file!.Source.CreateMessageReader();
        await _reader.ReadAsync(file.File.Path, TailPosition.Start, new TranscriptSink(messages), cancellationToken).ConfigureAwait(false);
        return messages.Messages;
    }

    /// <summary>
    /// Stops the agent process behind a session: SIGTERM (Windows: a close request), a wait of
    /// <see cref="SessionMonitorOptions.StopTimeout"/>, then SIGKILL if <see cref="SessionMonitorOptions.KillAfterStopTimeout"/>.
    /// </summary>
    /// <param name="sessionId">A <see cref="LiveSession.Id"/>.</param>
    /// <param name="cancellationToken">Cancels the wait (a signal already sent stays sent).</param>
    /// <returns>What was done. Immediately before signalling, the process is read again and must still be the matched
    /// one (same pid and start time) and this source's agent; otherwise nothing is signalled.</returns>
    public async Task<StopResult> StopSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        if (!_board.TryGet(sessionId, out LiveSession? session))
        {
            return new StopResult(StopOutcome.UnknownSession, null, $"No session with id '{sessionId}' is known to the monitor.");
        }

        if (_processes is null)
        {
            return new StopResult(StopOutcome.NoProcess, null, "Process detection is off, so no process is known for any session.");
        }

        StopResult result = await _processes.StopAsync(sessionId, session.Source, _options.StopTimeout, _options.KillAfterStopTimeout, cancellationToken).ConfigureAwait(false);
        _projector.RefreshAll();
        return result;
    }

    /// <summary>Stops watching, waits for reads in progress, and ends every enumeration.</summary>
    /// <returns>A task that completes when the monitor has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _signal.Dispose();
        foreach (Task? task in (Task?[])[_start, _processLoop])
        {
            if (task is not null)
            {
                await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        await _updater.DisposeAsync().ConfigureAwait(false);
        _board.Complete();
        _metrics.Dispose();
        _stopping.Dispose();
    }

    /// <summary>
    /// Disposes synchronously, for containers and callers that cannot await; prefer <see cref="DisposeAsync"/>.
    /// </summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Creates a monitor whose change signal <paramref name="createSignal"/> makes (the seam the public <see cref="Create(SessionMonitorOptions?)"/> fills from the options).</summary>
    internal static SessionMonitor Create(SessionMonitorOptions options, Func<SessionMonitorOptions, TimeProvider, AgentLiveMetrics, ILogger, IChangeSignal> createSignal) =>
        new(options, createSignal);

    /// <summary>File-system notifications, or, with <see cref="SessionMonitorOptions.UsePolling"/>, a timer alone.</summary>
    private static IChangeSignal CreateSignal(SessionMonitorOptions options, TimeProvider time, AgentLiveMetrics metrics, ILogger logger) =>
        options.UsePolling
            ? new PollingChangeSignal(time, options.ReconcileInterval)
            : new FileSystemChangeSignal(directory => new FileSystemWatcher(directory), time, options.ReconcileInterval, metrics, logger);

    private async Task StartCoreAsync()
    {
        // Watching starts first: whatever is written while the first pass lists and reads is then not missed.
        _signal.Start(_updater);
        _signal.Watch(_catalog.Directories);
        await _updater.RescanAsync().ConfigureAwait(false);
        if (_processes is not null)
        {
            await _processes.ScanAsync(_stopping.Token).ConfigureAwait(false);
            _projector.RefreshAll();
            _processLoop = Task.Run(() => ProcessLoopAsync(_processes, _stopping.Token), CancellationToken.None);
        }
    }

    private async Task ProcessLoopAsync(ProcessTracker processes, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.ProcessScanInterval, _time, stopping).ConfigureAwait(false);
                await processes.ScanAsync(stopping).ConfigureAwait(false);
                _projector.RefreshAll();
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                MonitorLog.ReconcileFailed(_logger, e);
            }
        }
    }
}
