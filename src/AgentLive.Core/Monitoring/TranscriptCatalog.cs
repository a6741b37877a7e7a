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
#if NET9_0_OR_GREATER
    private readonly ConcurrentDictionary<string, TrackedFile>.AlternateLookup<ReadOnlySpan<char>> _filesBySpan;
#endif

    // One level at a time (the walk is the catalog's, so a folder that cannot be listed is reported), links skipped.
    private static readonly EnumerationOptions ListOne = new() { IgnoreInaccessible = false, AttributesToSkip = FileAttributes.ReparsePoint };

    // The read files of each session (a main transcript, sub-agent transcripts), so a refresh need not look at every
    // file. Only read files: a dormant one is found by a pass over all (Dormant), which keeps it down to its path.
    // Each array is replaced whole under the filing gate, so readers need no lock.
    private readonly ConcurrentDictionary<string, TrackedFile[]> _bySession = new(StringComparer.Ordinal);

    // Transcripts whose lines name a parent session whose own transcript has not been read yet, by that parent's key:
    // shown as sessions of their own until it has.
    private readonly Dictionary<string, List<TrackedFile>> _awaitingParent = new(StringComparer.Ordinal);
    private readonly object _filingGate = new();
    private int _scans;

    public TranscriptCatalog(ISessionSource[] sources, TimeProvider time, TimeSpan lookBack, ILoggerFactory loggers)
    {
        _sources = sources;
        _time = time;
        _lookBack = lookBack;
        _loggers = loggers;
        _logger = loggers.CreateLogger<TranscriptCatalog>();
#if NET9_0_OR_GREATER
        _filesBySpan = _files.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
    }

    /// <summary>Gets every directory that holds transcripts, existing or not yet.</summary>
    public IEnumerable<string> Directories =>
        _sources.SelectMany(source => source.Roots.SelectMany(source.GetTranscriptDirectories)).Distinct(StringComparer.Ordinal);

    /// <summary>Gets the files that have been read: those of the sessions in <see cref="SessionsWithFacts"/>.</summary>
    public IEnumerable<TrackedFile> ReadFiles => _bySession.SelectMany(pair => pair.Value);

    /// <summary>Gets the sessions at least one of whose files has been read (kept as reads happen: dormant files cost nothing here).</summary>
    public IEnumerable<string> SessionsWithFacts => _bySession.Keys;

    /// <summary>Notes that a file of a session has facts now.</summary>
    public void NoteRead(TrackedFile file)
    {
        // Every read of a file ends here: once filed, no lock.
        if (_bySession.TryGetValue(file.SessionKey, out TrackedFile[]? files) && Array.IndexOf(files, file) >= 0)
        {
            return;
        }

        lock (_filingGate)
        {
            List(file);
        }
    }

    /// <summary>Gets the read files of one session.</summary>
    public List<TrackedFile> FilesOf(string sessionKey) => _bySession.TryGetValue(sessionKey, out TrackedFile[]? files) ? [.. files] : [];

    /// <summary>Gives a file the tracker its reads feed, at its first read: a file never read costs no tracker.</summary>
    public void Open(TrackedFile file)
    {
        if (!file.IsOpen)
        {
            file.Open(file.Source.CreateTracker(file.File, _loggers.CreateLogger(file.Source.GetType())));
        }
    }

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

    /// <summary>Of the given sessions, those with a transcript that was not read, being older than the look-back window.</summary>
    /// <remarks>
    /// Dormant files keep no key to look up, so this is one pass over the known files for all the keys at once; it is
    /// asked only about agent processes no read session matched.
    /// </remarks>
    public HashSet<string> Dormant(IReadOnlyCollection<string> sessionKeys)
    {
        var dormant = new HashSet<string>(StringComparer.Ordinal);
        if (sessionKeys.Count == 0)
        {
            return dormant;
        }

        foreach (KeyValuePair<string, TrackedFile> pair in _files)
        {
            if (pair.Value.Dormant)
            {
                foreach (string key in sessionKeys)
                {
                    if (pair.Value.IsOf(key))
                    {
                        dormant.Add(key);
                    }
                }
            }
        }

        return dormant;
    }

    /// <summary>
    /// Lists every transcript under every root, tracks the new ones, and returns the known files to read again: those
    /// whose size or time the listing shows moved, the new ones within the look-back window, and those gone from it
    /// (the read then reports them missing and forgets them).
    /// </summary>
    /// <remarks>
    /// A known file that did not change costs the rescan nothing kept: its listing entry is compared without making
    /// its path, and what it was seen by is a number stamped on it, not an entry in a set of every file present.
    /// </remarks>
    public List<TrackedFile> Rescan()
    {
        var pass = new ListingPass(Interlocked.Increment(ref _scans));
        foreach (ISessionSource source in _sources)
        {
            foreach (string directory in source.Roots.SelectMany(source.GetTranscriptDirectories))
            {
                ScanInto(source, directory, pass);
            }
        }

        // Not seen by this listing: gone, or tracked while it ran (new, so to be read as well).
        foreach (KeyValuePair<string, TrackedFile> pair in _files)
        {
            if (pair.Value.SeenInScan != pass.Scan)
            {
                pass.Changed.Add(pair.Value);
            }
        }

        return pass.Changed;
    }

    /// <summary>
    /// Lists one directory that just appeared (a new project folder): its first transcript may already be there,
    /// written before any watch on the folder could see it.
    /// </summary>
    public List<TrackedFile> ScanNewDirectory(string directory)
    {
        var pass = new ListingPass(scan: 0);
        foreach (ISessionSource source in _sources)
        {
            foreach (string root in source.Roots.SelectMany(source.GetTranscriptDirectories))
            {
                if (directory == root || directory.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    ScanInto(source, directory, pass);
                }
            }
        }

        // Found through a notification: new now, whatever the file's age.
        foreach (TrackedFile file in pass.Found)
        {
            file.Dormant = false;
        }

        return pass.Found;
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
            if (source.TryGetSessionFile(path, out SessionFile file) && StampOf(path) is { } stamp && Track(source, file, stamp) is { } tracked)
            {
                tracked.Dormant = false;
                return tracked;
            }
        }

        return null;
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
    private static bool HasChanged(TrackedFile file) => StampOf(file.Path) != file.Known;

    /// <summary>A file's size and time now, or <see langword="null"/> when it is gone or cannot be looked at.</summary>
    private static FileStamp? StampOf(string path)
    {
        try
        {
            FileStamp stamp = FileStamp.Of(new FileInfo(path));
            return stamp == FileStamp.None ? null : stamp;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
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
        _files.TryRemove(new KeyValuePair<string, TrackedFile>(file.Path, file));
        lock (_filingGate)
        {
            Unwait(file);
            Unlist(file);
        }
    }

    /// <summary>Adds a read file to its session's files (the filing gate held).</summary>
    private void List(TrackedFile file)
    {
        // A forgotten file whose read went round once more (its path made again meanwhile, now known as another
        // file) is not filed again: nothing would ever update or forget it.
        if (!_files.TryGetValue(file.Path, out TrackedFile? current) || current != file)
        {
            return;
        }

        string key = file.SessionKey;
        TrackedFile[] files = _bySession.GetValueOrDefault(key, []);
        if (Array.IndexOf(files, file) < 0)
        {
            _bySession[key] = [.. files, file];
        }
    }

    /// <summary>Removes a file from its session's files, and the session once none is left (the filing gate held).</summary>
    private void Unlist(TrackedFile file)
    {
        if (!_bySession.TryGetValue(file.SessionKey, out TrackedFile[]? files) || Array.IndexOf(files, file) < 0)
        {
            return;
        }

        TrackedFile[] rest = [.. files.Where(f => f != file)];
        if (rest.Length == 0)
        {
            _bySession.TryRemove(file.SessionKey, out _);
        }
        else
        {
            _bySession[file.SessionKey] = rest;
        }
    }

    private bool HasReadMain(string sessionKey) =>
        _bySession.TryGetValue(sessionKey, out TrackedFile[]? files) && files.Any(f => f.File.Kind == SessionFileKind.Main);

    /// <summary>Moves a transcript under its parent session as a sub-agent; returns the key it left.</summary>
    private string Move(TrackedFile file, string parentSessionId)
    {
        string left = file.SessionKey;
        Unlist(file);
        file.FileAsSubAgent(parentSessionId);
        List(file);
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

    /// <summary>
    /// Walks every <c>*.jsonl</c> under a directory, links neither listed nor followed, and files each into the pass.
    /// A folder that cannot be listed is reported once (and again once it can be), and the files known under it
    /// count as present and unchanged meanwhile.
    /// </summary>
    private void ScanInto(ISessionSource source, string directory, ListingPass pass)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.TryPop(out string? folder))
        {
            int waiting = pending.Count;
            try
            {
                foreach (ListedEntry entry in new FileSystemEnumerable<ListedEntry>(folder, pass.Transform(this), ListOne) { ShouldIncludePredicate = ListedEntry.Wanted })
                {
                    if (entry.IsDirectory)
                    {
                        pending.Push(entry.Path!);
                    }
                    else if (entry.Known is { } known)
                    {
                        pass.Saw(known, entry.Stamp);
                    }
                    else if (source.TryGetSessionFile(entry.Path!, out SessionFile file) && Track(source, file, entry.Stamp) is { } tracked)
                    {
                        pass.Saw(tracked, entry.Stamp);
                        pass.Found.Add(tracked);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (_unlistable.TryAdd(folder, true))
                {
                    MonitorLog.ScanFailed(_logger, folder, e.Message);
                }

                // Not listed is not gone: the known files under it stay as they were, those in subfolders listed
                // before the failure included (so those subfolders are not walked now).
                while (pending.Count > waiting)
                {
                    pending.Pop();
                }

                string under = folder + Path.DirectorySeparatorChar;
                foreach (KeyValuePair<string, TrackedFile> pair in _files)
                {
                    if (pair.Key.StartsWith(under, StringComparison.Ordinal))
                    {
                        pass.Saw(pair.Value, pair.Value.Known);
                    }
                }

                continue;
            }

            if (_unlistable.TryRemove(folder, out _))
            {
                MonitorLog.ListableAgain(_logger, folder);
            }
        }
    }

    /// <summary>The known file a listing entry names, looked up without making its path where the runtime allows.</summary>
    private TrackedFile? KnownAt(ref FileSystemEntry entry, ref char[] buffer)
    {
#if NET9_0_OR_GREATER
        ReadOnlySpan<char> folder = entry.Directory;
        ReadOnlySpan<char> name = entry.FileName;
        int length = folder.Length + 1 + name.Length;
        if (buffer.Length < length)
        {
            buffer = new char[length * 2];
        }

        // As FileSystemEntry.ToFullPath joins them.
        folder.CopyTo(buffer);
        int at = folder.Length;
        if (!Path.EndsInDirectorySeparator(folder))
        {
            buffer[at++] = Path.DirectorySeparatorChar;
        }

        name.CopyTo(buffer.AsSpan(at));
        return _filesBySpan.TryGetValue(buffer.AsSpan(0, at + name.Length), out TrackedFile? known) ? known : null;
#else
        _ = buffer;
        return _files.TryGetValue(entry.ToFullPath(), out TrackedFile? known) ? known : null;
#endif
    }

    private TrackedFile? Track(ISessionSource source, SessionFile file, FileStamp stamp)
    {
        var tracked = new TrackedFile(file, source);
        if (stamp.WrittenUtc < (_time.GetUtcNow() - _lookBack).UtcDateTime)
        {
            // Known but not read: remembering how it looks now makes any later change wake it.
            tracked.Dormant = true;
            tracked.Known = stamp;
        }

        return _files.TryAdd(file.Path, tracked) ? tracked : null;
    }

    /// <summary>What one listing finds: the known files it saw (stamped with its number) and changed, and the new ones.</summary>
    /// <param name="scan">The rescan's number; 0 for a listing that only looks for new files.</param>
    private sealed class ListingPass(int scan)
    {
        private char[] _path = new char[256];
        private FileSystemEnumerable<ListedEntry>.FindTransform? _transform;

        public int Scan { get; } = scan;

        public List<TrackedFile> Changed { get; } = [];

        public List<TrackedFile> Found { get; } = [];

        /// <summary>Makes a listing entry, naming the known file it is rather than its path (one transform for all the pass's folders).</summary>
        public FileSystemEnumerable<ListedEntry>.FindTransform Transform(TranscriptCatalog catalog) =>
            _transform ??= (ref FileSystemEntry entry) => entry.IsDirectory ? ListedEntry.Folder(ref entry) : ListedEntry.File(ref entry, catalog.KnownAt(ref entry, ref _path));

        /// <summary>Notes a file the listing named; one whose size or time moved since its read is to be read again.</summary>
        public void Saw(TrackedFile file, FileStamp stamp)
        {
            if (Scan == 0 || file.SeenInScan == Scan)
            {
                return;
            }

            file.SeenInScan = Scan;
            if (stamp != file.Known)
            {
                Changed.Add(file);
            }
        }
    }
}
