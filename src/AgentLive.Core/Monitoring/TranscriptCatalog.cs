using System.Collections.Concurrent;
using System.IO.Enumeration;
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
    private readonly ConcurrentDictionary<string, byte> _read = new(StringComparer.Ordinal);

    // One level at a time (the walk is the catalog's, so a folder that cannot be listed is reported), links skipped.
    private static readonly EnumerationOptions ListOne = new() { IgnoreInaccessible = false, AttributesToSkip = FileAttributes.ReparsePoint };

    // The files of each session (a main transcript, sub-agent transcripts), so a refresh need not look at every file.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, TrackedFile>> _bySession = new(StringComparer.Ordinal);

    // Transcripts whose lines name a parent session whose own transcript has not been read yet, by that parent's key:
    // shown as sessions of their own until it has.
    private readonly Dictionary<string, List<TrackedFile>> _awaitingParent = new(StringComparer.Ordinal);
    private readonly object _filingGate = new();

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

    /// <summary>Gets the files that have been read: those of the sessions in <see cref="SessionsWithFacts"/>.</summary>
    public IEnumerable<TrackedFile> ReadFiles =>
        _read.Keys.SelectMany(key => _bySession.TryGetValue(key, out var files) ? files.Values : []).Where(f => f.Facts is not null);

    /// <summary>Gets the sessions at least one of whose files has been read (kept as reads happen: dormant files cost nothing here).</summary>
    public IEnumerable<string> SessionsWithFacts => _read.Keys;

    /// <summary>Notes that a file of a session has facts now.</summary>
    public void NoteRead(TrackedFile file) => _read.TryAdd(file.SessionKey, 0);

    /// <summary>Gets the read files of one session.</summary>
    public List<TrackedFile> FilesOf(string sessionKey) =>
        _bySession.TryGetValue(sessionKey, out var files) ? [.. files.Values.Where(f => f.Facts is not null)] : [];

    /// <summary>
    /// After a read, files a transcript whose facts name a parent (<see cref="SessionFacts.SubAgentOf"/>) under that
    /// session once the parent's own transcript has been read, and files the transcripts waiting for a main transcript
    /// just read under it. Whichever of the two is read first, the pair ends up filed together.
    /// </summary>
    /// <returns>The sessions the moved files left (their snapshots must go); the file's own new key is <see cref="TrackedFile.SessionKey"/>.</returns>
    public List<string> FileSubAgents(TrackedFile file)
    {
        var left = new List<string>();
        if (file.File.Kind != SessionFileKind.Main || file.Facts is not { } facts)
        {
            return left;
        }

        lock (_filingGate)
        {
            if (facts.SubAgentOf is { } parent && parent != file.File.SessionId)
            {
                string parentKey = $"{file.Source.Name}:{parent}";
                if (HasReadMain(parentKey))
                {
                    left.Add(Move(file, parent));
                    Unwait(file);
                }
                else if (!_awaitingParent.TryGetValue(parentKey, out List<TrackedFile>? waiting))
                {
                    _awaitingParent[parentKey] = [file];
                }
                else if (!waiting.Contains(file))
                {
                    waiting.Add(file);
                }
            }
            else if (_awaitingParent.Remove(file.SessionKey, out List<TrackedFile>? children))
            {
                left.AddRange(children.Select(child => Move(child, file.File.SessionId)));
            }
        }

        return left;
    }

    public bool TryGet(string path, out TrackedFile? file) => _files.TryGetValue(path, out file);

    /// <summary>Whether the session has a transcript that was not read, being older than the look-back window.</summary>
    public bool IsDormant(string sessionKey) => _bySession.TryGetValue(sessionKey, out var files) && files.Values.Any(f => f.Dormant);

    /// <summary>
    /// Lists every transcript under every root, tracks the new ones, and returns the size and time of every file
    /// listed (the listing reads them anyway, so comparing known files costs no call of its own). A new file within
    /// the look-back window has no known stamp yet, so <see cref="Changed"/> names it with the files that moved.
    /// </summary>
    public Dictionary<string, FileStamp> Scan()
    {
        var present = new Dictionary<string, FileStamp>(_files.Count, StringComparer.Ordinal);
        foreach (ISessionSource source in _sources)
        {
            foreach (string directory in source.Roots.SelectMany(source.GetTranscriptDirectories))
            {
                ScanInto(source, directory, present, found: null);
            }
        }

        return present;
    }

    /// <summary>
    /// Lists one directory that just appeared (a new project folder): its first transcript may already be there,
    /// written before any watch on the folder could see it.
    /// </summary>
    public List<TrackedFile> ScanNewDirectory(string directory)
    {
        var found = new List<TrackedFile>();
        var present = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
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
    public IEnumerable<TrackedFile> Changed(Dictionary<string, FileStamp> present)
    {
        foreach (TrackedFile file in _files.Values)
        {
            // Gone from the listing: the read reports it missing and forgets it.
            if (!present.TryGetValue(file.File.Path, out FileStamp stamp)
                || stamp != file.Known)
            {
                yield return file;
            }
        }
    }

    /// <summary>The files in use (read since start) whose size or time differs from what was read, or that are gone.</summary>
    public IEnumerable<TrackedFile> ChangedInUse()
    {
        // The dictionary's own enumerator: no copy of every known file on each tick.
        foreach (KeyValuePair<string, TrackedFile> pair in _files)
        {
            if (!pair.Value.Dormant && HasChanged(pair.Value))
            {
                yield return pair.Value;
            }
        }
    }

    /// <summary>Whether a file's size or time moved since it was read, or it is gone (the read then forgets it).</summary>
    private static bool HasChanged(TrackedFile file)
    {
        try
        {
            var info = new FileInfo(file.File.Path);
            return !info.Exists || FileStamp.Of(info) != file.Known;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
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
        lock (_filingGate)
        {
            Unwait(file);
        }

        Unlist(file);
    }

    /// <summary>Removes a file from its session's files (the session is forgotten once none of its files has facts).</summary>
    private void Unlist(TrackedFile file)
    {
        if (_bySession.TryGetValue(file.SessionKey, out var siblings))
        {
            siblings.TryRemove(new KeyValuePair<string, TrackedFile>(file.File.Path, file));
            if (!siblings.Values.Any(f => f.Facts is not null))
            {
                _read.TryRemove(file.SessionKey, out _);
            }
        }
    }

    private bool HasReadMain(string sessionKey) =>
        _bySession.TryGetValue(sessionKey, out var files) && files.Values.Any(f => f.File.Kind == SessionFileKind.Main && f.Facts is not null);

    /// <summary>Moves a transcript under its parent session as a sub-agent; returns the key it left.</summary>
    private string Move(TrackedFile file, string parentSessionId)
    {
        string left = file.SessionKey;
        Unlist(file);
        file.FileAsSubAgent(parentSessionId);
        _bySession.GetOrAdd(file.SessionKey, _ => new ConcurrentDictionary<string, TrackedFile>(StringComparer.Ordinal))[file.File.Path] = file;
        NoteRead(file);
        return left;
    }

    private void Unwait(TrackedFile file)
    {
        if (file.Facts?.SubAgentOf is { } parent && _awaitingParent.TryGetValue($"{file.Source.Name}:{parent}", out List<TrackedFile>? waiting))
        {
            waiting.Remove(file);
            if (waiting.Count == 0)
            {
                _awaitingParent.Remove($"{file.Source.Name}:{parent}");
            }
        }
    }

    private void ScanInto(ISessionSource source, string directory, Dictionary<string, FileStamp> present, List<TrackedFile>? found)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach ((string path, FileStamp stamp) in Transcripts(directory, present))
        {
            if (!source.TryGetSessionFile(path, out SessionFile file))
            {
                continue;
            }

            present[path] = stamp;
            if (!_files.ContainsKey(path) && Track(source, file) is { } tracked)
            {
                found?.Add(tracked);
            }
        }
    }

    /// <summary>
    /// Every <c>*.jsonl</c> under a directory, links neither listed nor followed. A folder that cannot be listed is
    /// reported once (and again once it can be), and the files known under it count as present meanwhile.
    /// </summary>
    private IEnumerable<(string Path, FileStamp Stamp)> Transcripts(string directory, Dictionary<string, FileStamp> present)
    {
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.TryPop(out string? folder))
        {
            List<ListedEntry> entries;
            try
            {
                entries = [.. new FileSystemEnumerable<ListedEntry>(folder, ListedEntry.From, ListOne) { ShouldIncludePredicate = ListedEntry.Wanted }];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (_unlistable.TryAdd(folder, true))
                {
                    MonitorLog.ScanFailed(_logger, folder, e.Message);
                }

                // Not listed is not gone: the known files under it stay as they were.
                foreach (TrackedFile known in _files.Values.Where(f => f.File.Path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
                {
                    present[known.File.Path] = known.Known;
                }

                continue;
            }

            if (_unlistable.TryRemove(folder, out _))
            {
                MonitorLog.ListableAgain(_logger, folder);
            }

            foreach (ListedEntry entry in entries)
            {
                if (entry.IsDirectory)
                {
                    pending.Push(entry.Path);
                }
                else
                {
                    yield return (entry.Path, entry.Stamp);
                }
            }
        }
    }

    private TrackedFile? Track(ISessionSource source, SessionFile file)
    {
        var tracked = new TrackedFile(file, source, f => source.CreateTracker(f, _loggers.CreateLogger(source.GetType())));
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
                tracked.Known = FileStamp.Of(info);
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
