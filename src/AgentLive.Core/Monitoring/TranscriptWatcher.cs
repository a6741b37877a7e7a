using Microsoft.Extensions.Logging;

namespace AgentLive.Monitoring;

/// <summary>
/// File-system notifications for the transcript directories: a recursive watcher on each one that exists, and for each
/// one that does not yet, a watcher on its nearest existing ancestor that wakes the monitor when something appears.
/// </summary>
/// <remarks>
/// Notifications only make the monitor faster; the periodic reconcile never depends on them (a kernel queue overflow,
/// a network drive or WSL can lose them). Any watcher error therefore triggers a full rescan.
/// </remarks>
internal sealed class TranscriptWatcher : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, FileSystemWatcher> _watchers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileSystemWatcher> _ancestorWatchers = new(StringComparer.Ordinal);
    private readonly Action<string> _changed;
    private readonly Action<string, Exception?> _failed;
    private readonly Action _appeared;
    private readonly ILogger _logger;
    private bool _disposed;

    public TranscriptWatcher(Action<string> changed, Action<string, Exception?> failed, Action appeared, ILogger logger)
    {
        _changed = changed;
        _failed = failed;
        _appeared = appeared;
        _logger = logger;
    }

    /// <summary>Makes sure <paramref name="directory"/> is watched, or waited for if it does not exist yet.</summary>
    public void Watch(string directory)
    {
        lock (_gate)
        {
            if (_disposed || _watchers.ContainsKey(directory))
            {
                return;
            }

            if (Directory.Exists(directory))
            {
                if (_ancestorWatchers.Remove(directory, out FileSystemWatcher? waiting))
                {
                    waiting.Dispose();
                }

                if (Create(directory, recursive: true) is { } watcher)
                {
                    watcher.Created += (_, e) => _changed(e.FullPath);
                    watcher.Changed += (_, e) => _changed(e.FullPath);
                    watcher.Deleted += (_, e) => _changed(e.FullPath);
                    watcher.Renamed += (_, e) =>
                    {
                        _changed(e.OldFullPath);
                        _changed(e.FullPath);
                    };
                    _watchers[directory] = watcher;

                    // Whatever appeared between the last scan and this watch would be missed: rescan once now.
                    _appeared();
                }

                return;
            }

            WatchNearestAncestor(directory);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (FileSystemWatcher watcher in _watchers.Values.Concat(_ancestorWatchers.Values))
            {
                watcher.Dispose();
            }

            _watchers.Clear();
            _ancestorWatchers.Clear();
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

        // Not recursive: the ancestor may be a home directory. Each step down is re-armed by the next reconcile.
        if (Create(ancestor, recursive: false) is { } watcher)
        {
            watcher.Created += (_, _) => _appeared();
            watcher.Renamed += (_, _) => _appeared();
            _ancestorWatchers[directory] = watcher;

            // A level that appeared before this watch was armed raised no event: look once more.
            string? nearest = Path.GetDirectoryName(directory);
            while (nearest is not null && !Directory.Exists(nearest))
            {
                nearest = Path.GetDirectoryName(nearest);
            }

            if (Directory.Exists(directory) || nearest != ancestor)
            {
                _appeared();
            }
        }
    }

    private FileSystemWatcher? Create(string directory, bool recursive)
    {
        try
        {
            var watcher = new FileSystemWatcher(directory)
            {
                IncludeSubdirectories = recursive,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Error += (_, e) => _failed(directory, e.GetException());
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
        {
            // For example the per-user inotify limit: the reconcile still sees every change.
            MonitorLog.WatcherUnavailable(_logger, e, directory);
            return null;
        }
    }
}
