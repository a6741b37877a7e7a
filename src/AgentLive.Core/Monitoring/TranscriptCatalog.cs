using System.Collections.Concurrent;
using AgentLive.Sources;
using Microsoft.Extensions.Logging;

namespace AgentLive.Monitoring;

/// <summary>
/// Every transcript the monitor knows, indexed by path and by session: finds them under the sources' roots, tracks
/// new ones, forgets deleted ones, and tells which known files changed since they were read.
/// </summary>
internal sealed class TranscriptCatalog
{
    private readonly ISessionSource[] _sources;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lookBack;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, TrackedFile> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _unlistable = new(StringComparer.Ordinal);

    // The files of each session (a main transcript, sub-agent transcripts), so a refresh need not look at every file.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, TrackedFile>> _bySession = new(StringComparer.Ordinal);

    public TranscriptCatalog(ISessionSource[] sources, TimeProvider time, TimeSpan lookBack, ILoggerFactory loggers)
    {
        _sources = sources;
        _time = time;
        _lookBack = lookBack;
        _loggers = loggers;
        _logger = loggers.CreateLogger<TranscriptCatalog>();
    }

    /// <summary>Gets every directory that holds transcripts, existing or not yet.</summary>
    public IEnumerable<string> Directories =>
        _sources.SelectMany(source => source.Roots.SelectMany(source.GetTranscriptDirectories)).Distinct(StringComparer.Ordinal);

    /// <summary>Gets every known file.</summary>
    public ICollection<TrackedFile> Files => _files.Values;

    /// <summary>Gets the sessions at least one of whose files has been read.</summary>
    public IEnumerable<string> SessionsWithFacts =>
        _bySession.Where(pair => pair.Value.Values.Any(f => f.Facts is not null)).Select(pair => pair.Key);

    /// <summary>Gets the read files of one session.</summary>
    public List<TrackedFile> FilesOf(string sessionKey) =>
        _bySession.TryGetValue(sessionKey, out var files) ? [.. files.Values.Where(f => f.Facts is not null)] : [];

    public bool TryGet(string path, out TrackedFile? file) => _files.TryGetValue(path, out file);

    /// <summary>Lists every transcript under every root; tracks the new ones (returned) and notes which known files exist.</summary>
    public List<TrackedFile> Scan(out HashSet<string> present)
    {
        present = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<TrackedFile>();
        foreach (ISessionSource source in _sources)
        {
            foreach (string directory in source.Roots.SelectMany(source.GetTranscriptDirectories))
            {
                ScanInto(source, directory, present, found);
            }
        }

        return found;
    }

    /// <summary>
    /// Lists one directory that just appeared (a new project folder): its first transcript may already be there,
    /// written before any watch on the folder could see it.
    /// </summary>
    public List<TrackedFile> ScanNewDirectory(string directory)
    {
        var found = new List<TrackedFile>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (ISessionSource source in _sources)
        {
            foreach (string root in source.Roots.SelectMany(source.GetTranscriptDirectories))
            {
                if (directory == root || directory.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    ScanInto(source, directory, present, found);
                }
            }
        }

        // Found through a notification: new now, whatever the file's age.
        foreach (TrackedFile file in found)
        {
            file.Dormant = false;
        }

        return found;
    }

    /// <summary>Starts tracking a file a notification named, when a source recognises it; new files are never dormant.</summary>
    /// <remarks>
    /// Symbolic links are never followed, however they appear (the scan skips them too): a transcript is a file the
    /// agent writes under its root, and a link could point anywhere.
    /// </remarks>
    public TrackedFile? TrackChanged(string path)
    {
        if (IsLink(path))
        {
            return null;
        }

        foreach (ISessionSource source in _sources)
        {
            if (source.TryGetSessionFile(path, out SessionFile file) && File.Exists(path) && Track(source, file) is { } tracked)
            {
                tracked.Dormant = false;
                return tracked;
            }
        }

        return null;
    }

    /// <summary>The known files to read again: those gone from the listing, and those whose size or time differs from what was read.</summary>
    public IEnumerable<TrackedFile> Changed(HashSet<string> present)
    {
        foreach (TrackedFile file in _files.Values)
        {
            if (!present.Contains(file.File.Path))
            {
                // Gone from the listing: the read reports it missing and forgets it.
                yield return file;
                continue;
            }

            bool changed;
            try
            {
                var info = new FileInfo(file.File.Path);
                changed = info.Exists && (info.Length != file.KnownLength || info.LastWriteTimeUtc != file.KnownWriteUtc);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                changed = true;
            }

            if (changed)
            {
                yield return file;
            }
        }
    }

    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Forget(TrackedFile file)
    {
        _files.TryRemove(new KeyValuePair<string, TrackedFile>(file.File.Path, file));
        if (_bySession.TryGetValue(file.SessionKey, out var siblings))
        {
            siblings.TryRemove(new KeyValuePair<string, TrackedFile>(file.File.Path, file));
        }
    }

    private void ScanInto(ISessionSource source, string directory, HashSet<string> present, List<TrackedFile> found)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (string path in Transcripts(directory, present))
        {
            if (!source.TryGetSessionFile(path, out SessionFile file))
            {
                continue;
            }

            present.Add(path);
            if (!_files.ContainsKey(path) && Track(source, file) is { } tracked)
            {
                found.Add(tracked);
            }
        }
    }

    /// <summary>
    /// Every <c>*.jsonl</c> under a directory, links neither listed nor followed. A folder that cannot be listed is
    /// reported once (and again once it can be), and the files known under it count as present meanwhile.
    /// </summary>
    private IEnumerable<string> Transcripts(string directory, HashSet<string> present)
    {
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.TryPop(out string? folder))
        {
            List<FileSystemInfo> entries;
            try
            {
                entries = [.. new DirectoryInfo(folder).EnumerateFileSystemInfos()];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (_unlistable.TryAdd(folder, true))
                {
                    MonitorLog.ScanFailed(_logger, folder, e.Message);
                }

                present.UnionWith(_files.Keys.Where(p => p.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)));
                continue;
            }

            if (_unlistable.TryRemove(folder, out _))
            {
                MonitorLog.ListableAgain(_logger, folder);
            }

            foreach (FileSystemInfo entry in entries)
            {
                if ((entry.Attributes & FileAttributes.ReparsePoint) != 0)
                {
                    continue;
                }

                if ((entry.Attributes & FileAttributes.Directory) != 0)
                {
                    pending.Push(entry.FullName);
                }
                else if (entry.Name.EndsWith(".jsonl", StringComparison.Ordinal))
                {
                    yield return entry.FullName;
                }
            }
        }
    }

    private TrackedFile? Track(ISessionSource source, SessionFile file)
    {
        var tracked = new TrackedFile(file, source, source.CreateTracker(file, _loggers.CreateLogger(source.GetType())));
        try
        {
            var info = new FileInfo(file.Path);
            if (!info.Exists)
            {
                return null;
            }

            if (info.LastWriteTimeUtc < (_time.GetUtcNow() - _lookBack).UtcDateTime)
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

        _bySession.GetOrAdd(tracked.SessionKey, _ => new ConcurrentDictionary<string, TrackedFile>(StringComparer.Ordinal))[file.Path] = tracked;
        return tracked;
    }
}
