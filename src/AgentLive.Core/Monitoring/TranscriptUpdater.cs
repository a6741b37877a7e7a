using AgentLive.Diagnostics;
using AgentLive.Tailing;
using Microsoft.Extensions.Logging;

namespace AgentLive.Monitoring;

/// <summary>
/// Keeps every transcript's facts up to date: reads a file when a change signal names it, lists a directory the moment
/// it appears, on every rescan lists all directories and re-reads each file whose size or time moved, and on every
/// refresh does the same for the files in use only.
/// </summary>
internal sealed class TranscriptUpdater : IChangeListener, IAsyncDisposable
{
    private readonly TranscriptCatalog _catalog;
    private readonly IChangeSignal _signal;
    private readonly LiveStatusPoller _liveStatus;
    private readonly SessionProjector _projector;
    private readonly TailReader _reader;
    private readonly AgentLiveMetrics _metrics;
    private readonly FormatDriftReporter _drift;
    private readonly ILogger _logger;
    private readonly ReadScheduler _reads;
    private readonly SemaphoreSlim _passGate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private long _requested;
    private long _done;
    private long _requestedRescans;
    private long _doneRescans;

    public TranscriptUpdater(
        TranscriptCatalog catalog,
        IChangeSignal signal,
        LiveStatusPoller liveStatus,
        SessionProjector projector,
        TailReader reader,
        int maxConcurrentReads,
        AgentLiveMetrics metrics,
        FormatDriftReporter drift,
        ILogger logger)
    {
        _catalog = catalog;
        _signal = signal;
        _liveStatus = liveStatus;
        _projector = projector;
        _reader = reader;
        _metrics = metrics;
        _drift = drift;
        _logger = logger;
        _reads = new ReadScheduler(maxConcurrentReads, ReadOnceAsync);
    }

    public void OnChanged(string path)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        if (_catalog.TryGet(path, out TrackedFile? known))
        {
            _reads.Schedule(known!);
        }
        else if (Directory.Exists(path))
        {
            // A new folder (an agent that keeps a folder per project makes one for each): its first transcript may be written before a watch on
            // it exists, so it is listed now rather than at the next rescan.
            foreach (TrackedFile file in _catalog.ScanNewDirectory(path))
            {
                _reads.Schedule(file);
            }
        }
        else if (_catalog.TrackChanged(path) is { } tracked)
        {
            _reads.Schedule(tracked);
        }
    }

    /// <summary>
    /// Runs a full pass unless one that started after this request covers it: concurrent requests (a timer tick, a
    /// watcher error, a directory appearing) share passes instead of piling up.
    /// </summary>
    public Task RescanAsync() => RunAsync(full: true);

    public Task RefreshAsync() => RunAsync(full: false);

    private async Task RunAsync(bool full)
    {
        // A refresh is covered by any pass that starts after it; a rescan only by a rescan.
        long request = full ? Interlocked.Increment(ref _requestedRescans) : Interlocked.Increment(ref _requested);
        try
        {
            await _passGate.WaitAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        try
        {
            if (full ? Volatile.Read(ref _doneRescans) >= request : Volatile.Read(ref _done) >= request)
            {
                return;
            }

            long covers = Volatile.Read(ref _requested);
            long coversRescans = Volatile.Read(ref _requestedRescans);
            await PassAsync(full, _stopping.Token).ConfigureAwait(false);
            Volatile.Write(ref _done, covers);
            if (full)
            {
                Volatile.Write(ref _doneRescans, coversRescans);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            MonitorLog.ReconcileFailed(_logger, e);
        }
        finally
        {
            _passGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _reads.DisposeAsync().ConfigureAwait(false);

        // A pass in progress ends at its next await; wait for it before the gate goes.
        await _passGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        _passGate.Dispose();
        _stopping.Dispose();
    }

    private async Task PassAsync(bool full, CancellationToken stopping)
    {
        if (full)
        {
            // New files in the look-back window are among the changed ones: scheduling them apart as well would make
            // each of their reads go round twice.
            foreach (TrackedFile file in _catalog.Rescan())
            {
                _reads.Schedule(file);
            }

            _signal.Watch(_catalog.Directories);
        }
        else
        {
            foreach (TrackedFile file in _catalog.ChangedInUse())
            {
                _reads.Schedule(file);
            }
        }

        await _reads.WhenIdleAsync().ConfigureAwait(false);
        await _liveStatus.RefreshAsync(stopping).ConfigureAwait(false);
        _projector.RefreshAll();
    }

    private async Task ReadOnceAsync(TrackedFile file, CancellationToken cancellationToken)
    {
        try
        {
            _catalog.Open(file);
            FileStamp seen = FileStamp.Of(new FileInfo(file.Path));
            TailReadResult result = await _reader.ReadAsync(file.Path, file.Position, new TranscriptSink(file.Tracker), cancellationToken).ConfigureAwait(false);
            switch (result.Status)
            {
                case TailReadStatus.FileMissing:
                    _catalog.Forget(file);
                    _projector.Refresh(file.SessionKey);
                    return;
                case TailReadStatus.NotRegularFile:
                    // Never a session, and not tried again unless it changes.
                    if (file.Known == FileStamp.None)
                    {
                        MonitorLog.NotRegularFile(_logger, file.Path);
                    }

                    file.Known = seen;
                    return;
                case TailReadStatus.FileUnreadable:
                    if (!file.Unreadable)
                    {
                        file.Unreadable = true;
                        MonitorLog.Unreadable(_logger, file.Path, result.Error?.Message ?? "unreadable");
                    }

                    // What was read stays; a file never read shows no session. Its size and time are not noted, so
                    // every rescan tries again (permissions change neither).
                    file.Position = result.Position;
                    if (file.Facts is null && result.Lines == 0)
                    {
                        return;
                    }

                    file.Facts = file.Tracker.GetFacts();
                    _catalog.NoteRead(file);
                    _projector.Refresh(file.SessionKey);
                    return;
            }

            if (file.Unreadable)
            {
                file.Unreadable = false;
                MonitorLog.ReadableAgain(_logger, file.Path);
            }

            file.Position = result.Position;
            file.Known = seen;
            file.Dormant = false;
            long malformed = file.Tracker.MalformedLines;
            if (malformed > file.MalformedReported)
            {
                _metrics.MalformedLines.Add(malformed - file.MalformedReported);
            }

            file.MalformedReported = malformed;
            _drift.Report(file);
            file.Facts = file.Tracker.GetFacts();
            _catalog.NoteRead(file);
            foreach (string left in _catalog.FileSubAgents(file))
            {
                _projector.Refresh(left);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // A bug in a source's tracker must cost that file, not the monitor.
            MonitorLog.ReadFailed(_logger, e, file.Path);
            return;
        }

        _projector.Refresh(file.SessionKey);
    }
}
