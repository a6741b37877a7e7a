using AgentLive.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AgentLive.Monitoring;

/// <summary>
/// File-system notifications for the transcript directories, with a rescan at every interval underneath: a recursive
/// watcher on each directory that exists, a watcher on the parent of each that notices it being deleted or created
/// again, and for each directory that does not exist yet a watcher on its nearest existing ancestor.
/// </summary>
/// <remarks>
/// Notifications carry the monitor; under them, every interval the files in use are compared again (a refresh), and
/// every <see cref="RescanEvery"/> intervals everything is listed and compared (a rescan), since a kernel queue
/// overflow, a network drive or WSL can lose notifications. Any watcher error triggers a rescan at once. Watchers are
/// made by an injected factory, so a test can raise their errors.
/// </remarks>
internal sealed class FileSystemChangeSignal : IChangeSignal
{
    /// <summary>
    /// How many intervals pass between safety-net rescans: listing every folder and comparing every dormant file is
    /// what idle costs with thousands of old transcripts, and notifications make it needed only rarely.
    /// </summary>
    public const int RescanEvery = 15;

    private readonly object _gate = new();
    private readonly Dictionary<string, FileSystemWatcher> _watchers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileSystemWatcher> _parentWatchers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileSystemWatcher> _ancestorWatchers = new(StringComparer.Ordinal);

    // Directories whose watcher failed, and when: one is armed again only after an interval, so a watcher that fails
    // at once (an unreadable subfolder) costs one rescan per interval, not a loop of them.
    private readonly Dictionary<string, DateTimeOffset> _failedAt = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly Func<string, FileSystemWatcher> _createWatcher;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly AgentLiveMetrics _metrics;
    private readonly ILogger _logger;
    private IChangeListener? _listener;
    private ITimer? _timer;
    private int _ticks;
    private bool _disposed;

    /// <param name="createWatcher">Makes a watcher of a directory, not yet configured or enabled.</param>
    /// <param name="time">The clock of the safety-net rescan.</param>
    /// <param name="interval">How often the safety-net rescan runs.</param>
    /// <param name="metrics">Where watcher errors are counted.</param>
    /// <param name="logger">Where watcher problems are reported.</param>
    public FileSystemChangeSignal(Func<string, FileSystemWatcher> createWatcher, TimeProvider time, TimeSpan interval, AgentLiveMetrics metrics, ILogger logger)
    {
        _createWatcher = createWatcher;
        _time = time;
        _interval = interval;
        _metrics = metrics;
        _logger = logger;
    }

    public void Start(IChangeListener listener)
    {
        _listener = listener;
        _timer ??= _time.CreateTimer(_ => Tick(listener), null, _interval, _interval);
    }

    private void Tick(IChangeListener listener)
    {
        _ = Interlocked.Increment(ref _ticks) % RescanEvery == 0 ? listener.RescanAsync() : listener.RefreshAsync();
    }

    public void Watch(IEnumerable<string> directories)
    {
        lock (_gate)
        {
            foreach (string directory in directories)
            {
                Watch(directory);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            foreach (FileSystemWatcher watcher in _watchers.Values.Concat(_parentWatchers.Values).Concat(_ancestorWatchers.Values))
            {
                watcher.Dispose();
            }

            _watchers.Clear();
            _parentWatchers.Clear();
            _ancestorWatchers.Clear();
        }
    }

    private void Watch(string directory)
    {
        if (_disposed || _listener is not { } listener)
        {
            return;
        }

        if (_watchers.TryGetValue(directory, out FileSystemWatcher? current))
        {
            if (Directory.Exists(directory))
            {
                return;
            }

            // The directory went away under its watcher: wait for it to come back.
            Unwatch(directory);
        }

        if (!Directory.Exists(directory))
        {
            WatchNearestAncestor(directory);
            return;
        }

        if (_failedAt.TryGetValue(directory, out DateTimeOffset failed))
        {
            if (_time.GetUtcNow() - failed < _interval)
            {
                return;
            }

            _failedAt.Remove(directory);
        }

        if (_ancestorWatchers.Remove(directory, out FileSystemWatcher? waiting))
        {
            waiting.Dispose();
        }

        if (Create(directory, recursive: true) is not { } watcher)
        {
            return;
        }

        watcher.Created += (_, e) => listener.OnChanged(e.FullPath);
        watcher.Changed += (_, e) => listener.OnChanged(e.FullPath);
        watcher.Deleted += (_, e) => listener.OnChanged(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            listener.OnChanged(e.OldFullPath);
            listener.OnChanged(e.FullPath);
        };
        _watchers[directory] = watcher;
        WatchParent(directory, listener);
    }

    /// <summary>
    /// A watch does not survive its directory being deleted and created again (the new directory is another inode):
    /// the parent sees both, and the watch is armed again at once.
    /// </summary>
    private void WatchParent(string directory, IChangeListener listener)
    {
        if (_parentWatchers.ContainsKey(directory) || Path.GetDirectoryName(directory) is not { } parent || !Directory.Exists(parent))
        {
            return;
        }

        if (Create(parent, recursive: false) is not { } watcher)
        {
            return;
        }

        watcher.Filter = Path.GetFileName(directory);
        watcher.Created += (_, _) => ArmAgain(directory, listener);
        watcher.Deleted += (_, _) => ArmAgain(directory, listener);
        watcher.Renamed += (_, _) => ArmAgain(directory, listener);
        _parentWatchers[directory] = watcher;
    }

    /// <summary>
    /// Something changed on the way to a directory (it went, it came back, a level of it appeared): its watch is made
    /// anew for what is there now, and everything is listed, since the change may have hidden files from any watch.
    /// </summary>
    private void ArmAgain(string directory, IChangeListener listener)
    {
        lock (_gate)
        {
            Unwatch(directory);
            Watch(directory);
        }

        _ = listener.RescanAsync();
    }

    private void Unwatch(string directory)
    {
        if (_watchers.Remove(directory, out FileSystemWatcher? watcher))
        {
            watcher.Dispose();
        }

        if (_parentWatchers.Remove(directory, out FileSystemWatcher? parent))
        {
            parent.Dispose();
        }
    }

    private void WatchNearestAncestor(string directory)
    {
        string? ancestor = Path.GetDirectoryName(directory);
        while (ancestor is not null && !Directory.Exists(ancestor))
        {
            ancestor = Path.GetDirectoryName(ancestor);
        }

        if (ancestor is null)
        {
            return;
        }

        if (_ancestorWatchers.TryGetValue(directory, out FileSystemWatcher? current))
        {
            if (current.Path == ancestor)
            {
                return;
            }

            current.Dispose();
            _ancestorWatchers.Remove(directory);
        }

        // Not recursive: the ancestor may be a home directory. Each step down moves the watch down, and once the
        // directory itself is there it is watched and listed at once.
        if (Create(ancestor, recursive: false) is { } watcher)
        {
            IChangeListener listener = _listener!;
            watcher.Created += (_, _) => ArmAgain(directory, listener);
            watcher.Renamed += (_, _) => ArmAgain(directory, listener);
            _ancestorWatchers[directory] = watcher;

            // A level that appeared before this watch was armed raised no event: look once more.
            string? nearest = Path.GetDirectoryName(directory);
            while (nearest is not null && !Directory.Exists(nearest))
            {
                nearest = Path.GetDirectoryName(nearest);
            }

            if (Directory.Exists(directory) || nearest != ancestor)
            {
                Watch(directory);
                _ = listener.RescanAsync();
            }
        }
    }

    private FileSystemWatcher? Create(string directory, bool recursive)
    {
        FileSystemWatcher? watcher = null;
        try
        {
            watcher = _createWatcher(directory);
            watcher.IncludeSubdirectories = recursive;
            watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;
            watcher.InternalBufferSize = 64 * 1024;
            watcher.Error += (_, e) => OnError(directory, e.GetException());
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
        {
            // For example the per-user inotify limit: the periodic rescan still sees every change.
            watcher?.Dispose();
            MonitorLog.WatcherUnavailable(_logger, e, directory);
            return null;
        }
    }

    private void OnError(string directory, Exception? error)
    {
        _metrics.WatcherErrors.Add(1);
        string reason = error?.Message ?? "unknown error";
        lock (_gate)
        {
            if (_reported.Add(directory))
            {
                MonitorLog.WatcherError(_logger, directory, reason);
            }
            else
            {
                MonitorLog.WatcherErrorAgain(_logger, directory, reason);
            }

            // A failed watcher may have stopped: the rescan catches up now, and a later one arms it again.
            Unwatch(directory);
            _failedAt[directory] = _time.GetUtcNow();
        }

        _ = _listener?.RescanAsync();
    }
}
