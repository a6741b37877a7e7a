using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using AgentLive.Diagnostics;
using AgentLive.Events;
using AgentLive.Monitoring;
using AgentLive.Processes;
using AgentLive.Sources;
using AgentLive.State;
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
///     if (e is SessionUpdated { Session: var s })
///     {
///         Console.WriteLine($"{s.ProjectName}: {s.AgentState.Label}");
///     }
/// }
/// </code>
/// </example>
public sealed class SessionMonitor : IAsyncDisposable, IDisposable
{
    private readonly SessionMonitorOptions _options;
    private readonly ISessionSource[] _sources;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly TailReader _reader;
    private readonly SessionBoard _board;
    private readonly ConcurrentDictionary<string, TrackedFile> _files = new(StringComparer.Ordinal);

    // The files of each session (a main transcript, sub-agent transcripts), so a refresh need not scan every file.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, TrackedFile>> _filesBySession = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<TrackedFile, Task> _reads = new();
    private readonly SemaphoreSlim _readSlots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Channel<string> _changedPaths = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly object _refreshGate = new();
    private readonly Dictionary<string, DateTimeOffset> _doneSince = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SessionFacts> _completed = new(StringComparer.Ordinal);
    private readonly object _startGate = new();
    private readonly IProcessScanner? _scanner;
    private volatile IReadOnlyDictionary<string, LiveStatusEntry> _liveStatus = new Dictionary<string, LiveStatusEntry>();
    private volatile ProcessMatches _processes = ProcessMatches.None;
    private Task? _processLoop;
    private TranscriptWatcher? _watcher;
    private Task? _start;
    private Task? _tickLoop;
    private Task? _changeLoop;
    private int _disposed;

    private SessionMonitor(SessionMonitorOptions options)
    {
        _options = options;
        _sources = [.. options.Sources];
        if (_sources.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != _sources.Length)
        {
            throw new ArgumentException("Every source must have a distinct name.", nameof(options));
        }

        _time = options.TimeProvider ?? TimeProvider.System;
        _loggers = options.LoggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggers.CreateLogger<SessionMonitor>();
        _reader = new TailReader(new TailReaderOptions { MaxLineBytes = options.MaxLineBytes, LoggerFactory = options.LoggerFactory });
        _board = new SessionBoard(_time, options.SubscriberQueueCapacity);
        _readSlots = new SemaphoreSlim(options.MaxConcurrentReads);
        _scanner = options.DetectProcesses ? options.ProcessScanner ?? ProcessScanners.CreateDefault() : null;
    }


    /// <summary>Creates a monitor; it does nothing until started.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults (both built-in sources, their default roots).</param>
    /// <returns>The monitor. Dispose it to stop watching and end every enumeration.</returns>
    public static SessionMonitor Create(SessionMonitorOptions? options = null) => new(options ?? new SessionMonitorOptions());

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
    /// Streams the monitor's events: first a <see cref="SessionDiscovered"/> for every current session and the current
    /// <see cref="SummaryChanged"/>, then every change, with no gap and no duplicate between the two.
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
    /// The messages in transcript order, or <see langword="null"/> when no current session has that id (the same rule
    /// as <see cref="StopSessionAsync"/>'s <see cref="StopOutcome.UnknownSession"/>: an unknown id is an answer, not
    /// an exception).
    /// </returns>
    public async Task<IReadOnlyList<SessionMessage>?> GetMessagesAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionId);

        // Only a file the monitor found under a source's root can be read: ids never become paths.
        if (!_board.TryGet(sessionId, out LiveSession? session) || !_files.TryGetValue(session.FilePath, out TrackedFile? file))
        {
            return null;
        }

        ISessionMessageReader messages = file.Source.CreateMessageReader();
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

        if (_scanner is null)
        {
            return new StopResult(StopOutcome.NoProcess, null, "Process detection is off, so no process is known for any session.");
        }

        if (!_processes.Matched.ContainsKey(sessionId))
        {
            await ScanProcessesAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!_processes.Matched.TryGetValue(sessionId, out ProcessInfo? process))
        {
            return new StopResult(StopOutcome.NoProcess, null, $"Session '{sessionId}' has no live agent process.");
        }

        StopResult result = await StopProcessAsync(process, session.Source, cancellationToken).ConfigureAwait(false);
        await ScanProcessesAsync(cancellationToken).ConfigureAwait(false);
        RefreshAll();
        return result;
    }

    /// <summary>Stops a process believed to be <paramref name="source"/>'s agent (tests pass a stale start time to check the guard).</summary>
    internal Task<StopResult> StopProcessAsync(ProcessInfo expected, string source, CancellationToken cancellationToken)
    {
        ISessionSource owner = _sources.First(s => s.Name == source);
        return new ProcessStopper(_scanner ?? ProcessScanners.CreateDefault(), _time).StopAsync(
            expected,
            p => owner.ClassifyProcess(p) == AgentProcessRole.Agent,
            _options.StopTimeout,
            _options.KillAfterStopTimeout,
            cancellationToken);
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
        _watcher?.Dispose();
        _changedPaths.Writer.TryComplete();
        _wake.Writer.TryComplete();
        Task?[] running = [_start, _tickLoop, _changeLoop, _processLoop, .. _reads.Values];
        foreach (Task? task in running)
        {
            if (task is not null)
            {
                await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        _board.Complete();
        _readSlots.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Runs one reconcile pass now and waits for the reads it started (tests drive the monitor with it).</summary>
    internal async Task ReconcileNowAsync()
    {
        Reconcile();
        while (_reads.Values.Where(read => !read.IsCompleted).ToArray() is { Length: > 0 } running)
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }

        await RefreshLiveStatusAsync(_stopping.Token).ConfigureAwait(false);
        RefreshAll();
    }

    /// <summary>
    /// Disposes synchronously, for containers and callers that cannot await; prefer <see cref="DisposeAsync"/>.
    /// </summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Raises the same rescan a watcher error does (tests use it; a real error comes from the watcher).</summary>
    internal void OnWatcherError(string directory, Exception? error)
    {
        AgentLiveMetrics.WatcherErrors.Add(1);
        MonitorLog.WatcherError(_logger, error, directory);
        _wake.Writer.TryWrite(true);
    }

    private async Task StartCoreAsync()
    {
        CancellationToken stopping = _stopping.Token;
        List<TrackedFile> found = Scan(out _);
        await Parallel.ForEachAsync(
            found.Where(f => !f.Dormant),
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentReads, CancellationToken = stopping },
            async (file, token) => await ReadOnceAsync(file, token).ConfigureAwait(false)).ConfigureAwait(false);
        await RefreshLiveStatusAsync(stopping).ConfigureAwait(false);
        await ScanProcessesAsync(stopping).ConfigureAwait(false);
        RefreshAll();

        if (!_options.UsePolling)
        {
            _watcher = new TranscriptWatcher(
                path => _changedPaths.Writer.TryWrite(path),
                OnWatcherError,
                () => _wake.Writer.TryWrite(true),
                _logger);
            foreach (string directory in TranscriptDirectories())
            {
                _watcher.Watch(directory);
            }
        }

        _changeLoop = Task.Run(() => ChangeLoopAsync(stopping), CancellationToken.None);
        _tickLoop = Task.Run(() => TickLoopAsync(stopping), CancellationToken.None);
        if (_scanner is not null)
        {
            _processLoop = Task.Run(() => ProcessLoopAsync(stopping), CancellationToken.None);
        }
    }

    private IEnumerable<string> TranscriptDirectories() =>
        _sources.SelectMany(source => source.Roots.SelectMany(source.GetTranscriptDirectories)).Distinct(StringComparer.Ordinal);

    /// <summary>Lists every transcript under every root; tracks the new ones (returned) and notes which known files exist.</summary>
    private List<TrackedFile> Scan(out HashSet<string> present)
    {
        present = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<TrackedFile>();
        DateTimeOffset cutoff = _time.GetUtcNow() - _options.LookBack;
        var enumeration = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (ISessionSource source in _sources)
        {
            foreach (string directory in source.Roots.SelectMany(source.GetTranscriptDirectories))
            {
                if (!Directory.Exists(directory))
                {
                    continue;
                }

                try
                {
                    foreach (string path in Directory.EnumerateFiles(directory, "*.jsonl", enumeration))
                    {
                        if (!source.TryGetSessionFile(path, out SessionFile file))
                        {
                            continue;
                        }

                        present.Add(path);
                        if (!_files.ContainsKey(path) && Track(source, file, cutoff) is { } tracked)
                        {
                            found.Add(tracked);
                        }
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    MonitorLog.ScanFailed(_logger, e, directory);
                    present.UnionWith(_files.Keys.Where(p => p.StartsWith(directory, StringComparison.Ordinal)));
                }
            }
        }

        return found;
    }

    private TrackedFile? Track(ISessionSource source, SessionFile file, DateTimeOffset cutoff)
    {
        ISessionTracker tracker = source.CreateTracker(file, _loggers.CreateLogger(source.GetType()));
        var tracked = new TrackedFile(file, source, tracker);
        try
        {
            var info = new FileInfo(file.Path);
            if (!info.Exists)
            {
                return null;
            }

            if (info.LastWriteTimeUtc < cutoff.UtcDateTime)
            {
                // Known but not read: remembering how it looks now makes any later change wake it.
                tracked.Dormant = true;
                tracked.KnownLength = info.Length;
                tracked.KnownWriteUtc = info.LastWriteTimeUtc;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (!_files.TryAdd(file.Path, tracked))
        {
            return null;
        }

        _filesBySession.GetOrAdd(tracked.SessionKey, _ => new ConcurrentDictionary<string, TrackedFile>(StringComparer.Ordinal))[file.Path] = tracked;
        return tracked;
    }

    private async Task TickLoopAsync(CancellationToken stopping)
    {
        // One wait for a wake-up at a time: a new one per tick would pile up waiters that only a wake-up releases.
        Task<bool>? woken = null;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                Task tick = Task.Delay(_options.ReconcileInterval, _time, stopping);
                woken ??= _wake.Reader.WaitToReadAsync(stopping).AsTask();
                if (await Task.WhenAny(tick, woken).ConfigureAwait(false) == woken)
                {
                    woken = null;
                }

                stopping.ThrowIfCancellationRequested();
                _wake.Reader.TryRead(out _);

                Reconcile();
                await RefreshLiveStatusAsync(stopping).ConfigureAwait(false);
                RefreshAll();
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

    /// <summary>The safety net: every transcript whose size or time differs from what was read is read again.</summary>
    private void Reconcile()
    {
        List<TrackedFile> found = Scan(out HashSet<string> present);
        foreach (TrackedFile file in found)
        {
            if (!file.Dormant)
            {
                ScheduleRead(file);
            }
        }

        foreach (TrackedFile file in _files.Values)
        {
            if (!present.Contains(file.File.Path))
            {
                // Gone from the listing: the read reports it missing and forgets it.
                ScheduleRead(file);
                continue;
            }

            try
            {
                var info = new FileInfo(file.File.Path);
                if (info.Exists && (info.Length != file.KnownLength || info.LastWriteTimeUtc != file.KnownWriteUtc))
                {
                    ScheduleRead(file);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                ScheduleRead(file);
            }
        }

        if (_watcher is not null)
        {
            foreach (string directory in TranscriptDirectories())
            {
                _watcher.Watch(directory);
            }
        }
    }

    private async Task ChangeLoopAsync(CancellationToken stopping)
    {
        var batch = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (await _changedPaths.Reader.WaitToReadAsync(stopping).ConfigureAwait(false))
            {
                // A burst of appends to one file becomes one read.
                while (_changedPaths.Reader.TryRead(out string? path))
                {
                    batch.Add(path);
                }

                foreach (string path in batch)
                {
                    OnPathChanged(path);
                }

                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private void OnPathChanged(string path)
    {
        if (_files.TryGetValue(path, out TrackedFile? known))
        {
            ScheduleRead(known);
            return;
        }

        foreach (ISessionSource source in _sources)
        {
            if (source.TryGetSessionFile(path, out SessionFile file) && File.Exists(path)
                && Track(source, file, _time.GetUtcNow() - _options.LookBack) is { } tracked)
            {
                tracked.Dormant = false;
                ScheduleRead(tracked);
                return;
            }
        }
    }

    private void ScheduleRead(TrackedFile file)
    {
        if (!file.TryBeginRead() || _stopping.IsCancellationRequested)
        {
            return;
        }

        // Registered before it runs, and removed only by itself: a quick read cannot leave a finished entry behind,
        // and a finished read cannot remove the next read of the same file.
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task read = Task.Run(
            async () =>
            {
                await registered.Task.ConfigureAwait(false);
                await ReadLoopAsync(file).ConfigureAwait(false);
            },
            CancellationToken.None);
        _reads[file] = read;
        registered.SetResult();
        _ = read.ContinueWith(done => _reads.TryRemove(new KeyValuePair<TrackedFile, Task>(file, done)), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private async Task ReadLoopAsync(TrackedFile file)
    {
        CancellationToken stopping = _stopping.Token;
        try
        {
            do
            {
                await _readSlots.WaitAsync(stopping).ConfigureAwait(false);
                try
                {
                    await ReadOnceAsync(file, stopping).ConfigureAwait(false);
                }
                finally
                {
                    _readSlots.Release();
                }
            }
            while (file.EndRead());
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task ReadOnceAsync(TrackedFile file, CancellationToken cancellationToken)
    {
        try
        {
            var info = new FileInfo(file.File.Path);
            long length = info.Exists ? info.Length : -1;
            DateTime written = info.Exists ? info.LastWriteTimeUtc : default;
            TailReadResult result = await _reader.ReadAsync(file.File.Path, file.Position, new TranscriptSink(file.Tracker), cancellationToken).ConfigureAwait(false);
            if (result.Status == TailReadStatus.FileMissing)
            {
                Forget(file);
                return;
            }

            file.Position = result.Position;
            file.KnownLength = length;
            file.KnownWriteUtc = written;
            file.Dormant = false;
            long malformed = file.Tracker.MalformedLines;
            if (malformed > file.MalformedReported)
            {
                AgentLiveMetrics.MalformedLines.Add(malformed - file.MalformedReported);
            }

            file.MalformedReported = malformed;
            file.Facts = file.Tracker.GetFacts();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // A bug in a source's tracker must cost that file, not the monitor.
            MonitorLog.ReadFailed(_logger, e, file.File.Path);
            return;
        }

        Refresh(file.SessionKey);
    }

    private void Forget(TrackedFile file)
    {
        _files.TryRemove(new KeyValuePair<string, TrackedFile>(file.File.Path, file));
        if (_filesBySession.TryGetValue(file.SessionKey, out var siblings))
        {
            siblings.TryRemove(new KeyValuePair<string, TrackedFile>(file.File.Path, file));
        }

        Refresh(file.SessionKey);
    }

    private async Task ProcessLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.ProcessScanInterval, _time, stopping).ConfigureAwait(false);
                await ScanProcessesAsync(stopping).ConfigureAwait(false);
                RefreshAll();
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

    /// <summary>Reads the process table and matches every session to its agent's process (off the read path).</summary>
    private async Task ScanProcessesAsync(CancellationToken cancellationToken)
    {
        if (_scanner is null)
        {
            return;
        }

        IReadOnlyList<ProcessInfo> all = await _scanner.ScanAsync(cancellationToken).ConfigureAwait(false);
        var agents = new List<AgentProcess>();
        foreach (ProcessInfo process in all)
        {
            if (_sources.FirstOrDefault(s => s.ClassifyProcess(process) == AgentProcessRole.Agent) is { } source)
            {
                agents.Add(new AgentProcess(process, source.Name));
            }
        }

        var sessions = _files.Values
            .Where(f => f.File.Kind == SessionFileKind.Main && f.Facts is not null)
            .GroupBy(f => f.SessionKey, StringComparer.Ordinal)
            .Select(g => g.MaxBy(f => f.Facts!.LastActivityAt)!)
            .Select(f => new SessionCandidate(f.SessionKey, f.Source.Name, f.File.Path, f.Facts!.SourceSessionId, f.Facts.ProjectPath, f.Facts.StartedAt))
            .ToList();
        var reported = _liveStatus.Where(e => e.Value.IsProcessAlive).ToDictionary(e => e.Key, e => e.Value.Pid, StringComparer.Ordinal);
        ProcessMatches matches = ProcessMatcher.Match(sessions, agents, reported, _scanner.OpenFiles, all.Any(p => p.WorkingDirectory is not null));

        // Only where a tool call may be waiting for approval is it worth reading environments: a tool process of the
        // session (a child of an agent or daemon, named by the variables the agent sets) shows the call runs.
        if (_files.Values.Any(f => f.Facts?.PendingApproval is not null))
        {
            matches = matches with { ToolRunning = FindToolSessions(all) };
        }

        _processes = matches;
    }

    private HashSet<string> FindToolSessions(IReadOnlyList<ProcessInfo> all)
    {
        var owners = all.Where(p => _sources.Any(s => s.ClassifyProcess(p) is AgentProcessRole.Agent or AgentProcessRole.Daemon)).Select(p => p.Pid).ToHashSet();
        // The environment names the agent's own session id, which the transcript states; the monitor's key may come
        // from the file name.
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (TrackedFile file in _files.Values.Where(f => f.File.Kind == SessionFileKind.Main && f.Facts?.SourceSessionId is not null))
        {
            keys[$"{file.Source.Name}:{file.Facts!.SourceSessionId}"] = file.SessionKey;
        }

        var sessions = new HashSet<string>(StringComparer.Ordinal);
        foreach (ProcessInfo child in all.Where(p => owners.Contains(p.ParentPid) && !owners.Contains(p.Pid)))
        {
            IReadOnlyDictionary<string, string> environment = _scanner!.Environment(child.Pid);
            foreach (ISessionSource source in _sources)
            {
                if (source.SessionIdOfToolProcess(environment) is { Length: > 0 } id && keys.TryGetValue($"{source.Name}:{id}", out string? key))
                {
                    sessions.Add(key);
                }
            }
        }

        return sessions;
    }

    private async Task RefreshLiveStatusAsync(CancellationToken cancellationToken)
    {
        var status = new Dictionary<string, LiveStatusEntry>(StringComparer.Ordinal);
        foreach (ISessionSource source in _sources)
        {
            try
            {
                foreach (LiveStatusEntry entry in await source.ReadLiveStatusAsync(cancellationToken).ConfigureAwait(false))
                {
                    string key = $"{source.Name}:{entry.SessionId}";

                    // One process per session at a time; a stale file of a crashed one must not hide the live one.
                    if (!status.TryGetValue(key, out LiveStatusEntry? known) || (entry.IsProcessAlive && !known.IsProcessAlive)
                        || (entry.IsProcessAlive == known.IsProcessAlive && entry.UpdatedAt > known.UpdatedAt))
                    {
                        status[key] = entry;
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                MonitorLog.LiveStatusFailed(_logger, e, source.Name);
            }
        }

        _liveStatus = status;
    }

    private void RefreshAll()
    {
        // Sessions with a file read at least once, and those listed (whose files may be gone): dormant ones have nothing to show.
        IEnumerable<string> read = _filesBySession.Where(pair => pair.Value.Values.Any(f => f.Facts is not null)).Select(pair => pair.Key);
        foreach (string key in read.Concat(_board.Sessions.Select(s => s.Id)).Distinct(StringComparer.Ordinal).ToList())
        {
            Refresh(key);
        }

        _board.RefreshSummary();
    }

    /// <summary>Rebuilds one session's snapshot from its files' facts and the current time, and publishes any change.</summary>
    private void Refresh(string key)
    {
        lock (_refreshGate)
        {
            List<TrackedFile> files = _filesBySession.TryGetValue(key, out var ofSession) ? [.. ofSession.Values.Where(f => f.Facts is not null)] : [];
            TrackedFile? main = files.Where(f => f.File.Kind == SessionFileKind.Main).MaxBy(f => f.Facts!.LastActivityAt);
            if (main is null)
            {
                _doneSince.Remove(key);
                _completed.Remove(key);
                _board.Remove(key);
                return;
            }

            SessionFacts facts = main.Facts!;
            if (_completed.TryGetValue(key, out SessionFacts? completedWith))
            {
                if (ReferenceEquals(completedWith, facts))
                {
                    return;
                }

                // New lines after completion: the session is back.
                _completed.Remove(key);
                _doneSince.Remove(key);
            }

            DateTimeOffset now = _time.GetUtcNow();
            ProcessMatches processes = _processes;
            LiveSession session = SessionSnapshots.Build(
                key,
                main,
                files,
                _liveStatus.GetValueOrDefault(key),
                processes.Matched.GetValueOrDefault(key),
                processes.Absent.Contains(key),
                processes.ToolRunning.Contains(key),
                now,
                _options.StatusThresholds);
            if (session.Status == SessionStatus.Done)
            {
                DateTimeOffset since = _doneSince.TryGetValue(key, out DateTimeOffset known) ? known : _doneSince[key] = now;
                if (now - since >= _options.CompletedGracePeriod)
                {
                    _completed[key] = facts;
                    _doneSince.Remove(key);
                    _board.Remove(key);
                    return;
                }
            }
            else
            {
                _doneSince.Remove(key);
            }

            _board.Upsert(session);
        }
    }
}
