using AgentLive.Sources;
using AgentLive.Tailing;

namespace AgentLive.Monitoring;

/// <summary>One transcript the monitor knows: where its reading stands and what it last said.</summary>
/// <remarks>
/// Most known files are dormant (older than the look-back window, never read), so what a file costs before its first
/// read is kept to its path and a few fields: the session id is the place in the path the source took it from, the
/// session's key and the <see cref="SessionFile"/> are made at first need, and the tracker and reading state at the
/// first read (<see cref="Open"/>).
/// </remarks>
internal sealed class TrackedFile
{
    private const int Idle = 0;
    private const int Reading = 1;
    private const int ReadingAndChanged = 2;

    private readonly string _path;
    private readonly SessionFileKind _kind;
    private readonly string? _agentId;

    // Where the session id the source gave sits in the path (file names carry it); unused once _filing is made.
    private readonly int _idStart;
    private readonly int _idLength;

    private volatile Filing? _filing;
    private FileReading? _reading;
    private int _readState;

    /// <param name="file">The transcript.</param>
    /// <param name="source">The source that recognised it.</param>
    public TrackedFile(SessionFile file, ISessionSource source)
    {
        Source = source;
        _path = file.Path;
        _kind = file.Kind;
        _agentId = file.AgentId;
        _idStart = file.SessionId.Length == 0 ? -1 : file.Path.LastIndexOf(file.SessionId, StringComparison.Ordinal);
        _idLength = file.SessionId.Length;
        if (_idStart < 0)
        {
            // An id the path does not spell: kept as given.
            _filing = new Filing(file, KeyOf(source, file.SessionId));
        }
    }

    /// <summary>The file's full path.</summary>
    public string Path => _path;

    /// <summary>The file as the source recognised it, or as the catalog filed it since (a sub-agent of another session).</summary>
    public SessionFile File => Filed.File;

    public ISessionSource Source { get; }

    /// <summary>The monitor's id of the session this file belongs to (a sub-agent file: its parent's).</summary>
    public string SessionKey => Filed.Key;

    /// <summary>Only touched inside a read, and reads of one file never overlap.</summary>
    public ISessionTracker Tracker => Opened.Tracker;

    /// <summary>Whether <see cref="Open"/> gave the file its tracker.</summary>
    public bool IsOpen => _reading is not null;

    public TailPosition Position
    {
        get => Opened.Position;
        set => Opened.Position = value;
    }

    /// <summary>Length and write time when the file was last read: a rescan or refresh re-reads it when either changes.</summary>
    public FileStamp Known { get; set; } = FileStamp.None;

    /// <summary>Older than the look-back window at discovery: known, not read until it changes.</summary>
    public bool Dormant { get; set; }

    /// <summary>The last full rescan whose listing named the file, or could not list its folder (a file it did not name is gone).</summary>
    public int SeenInScan { get; set; }

    /// <summary>The tracker's facts as of the end of the last read; safe to use from any thread.</summary>
    public volatile SessionFacts? Facts;

    public long MalformedReported
    {
        get => Opened.MalformedReported;
        set => Opened.MalformedReported = value;
    }

    /// <summary>For each of the tracker's <see cref="ISessionTracker.UnknownShapes"/>, the lines already counted; none until it has one.</summary>
    public List<long>? UnknownShapeLinesReported
    {
        get => Opened.UnknownShapeLinesReported;
        set => Opened.UnknownShapeLinesReported = value;
    }

    /// <summary>Whether the last read failed for want of permission (reported once, and once more when it ends).</summary>
    public bool Unreadable
    {
        get => Opened.Unreadable;
        set => Opened.Unreadable = value;
    }

    private Filing Filed
    {
        get
        {
            if (_filing is { } filing)
            {
                return filing;
            }

            string id = _path.Substring(_idStart, _idLength);
            var made = new Filing(new SessionFile(_path, _kind, id, _agentId), KeyOf(Source, id));
            return Interlocked.CompareExchange(ref _filing, made, null) ?? made;
        }
    }

    private FileReading Opened => _reading ?? throw new InvalidOperationException("The file is read before it is opened.");

    /// <summary>Gives the file the tracker its reads feed (once: later calls keep the first).</summary>
    public void Open(ISessionTracker tracker) => _reading ??= new FileReading(tracker);

    /// <summary>Whether the file belongs to a session, told without making its key.</summary>
    public bool IsOf(string sessionKey)
    {
        if (_filing is { } filing)
        {
            return filing.Key == sessionKey;
        }

        string source = Source.Name;
        return sessionKey.Length == source.Length + 1 + _idLength
            && sessionKey.StartsWith(source, StringComparison.Ordinal)
            && sessionKey[source.Length] == ':'
            && sessionKey.AsSpan(source.Length + 1).SequenceEqual(_path.AsSpan(_idStart, _idLength));
    }

    /// <summary>Files the transcript under another session as that session's sub-agent (file and key change together).</summary>
    public void FileAsSubAgent(string parentSessionId) =>
        _filing = new Filing(File with { Kind = SessionFileKind.SubAgent, SessionId = parentSessionId, AgentId = File.SessionId }, KeyOf(Source, parentSessionId));

    /// <summary>Claims the file for a read, or (when a read runs) asks that read to go round once more.</summary>
    public bool TryBeginRead()
    {
        while (true)
        {
            int state = Volatile.Read(ref _readState);
            int next = state == Idle ? Reading : ReadingAndChanged;
            if (Interlocked.CompareExchange(ref _readState, next, state) == state)
            {
                return state == Idle;
            }
        }
    }

    /// <summary>Ends a read; returns <see langword="true"/> when the file changed meanwhile and must be read again.</summary>
    public bool EndRead()
    {
        if (Interlocked.CompareExchange(ref _readState, Idle, Reading) == Reading)
        {
            return false;
        }

        Volatile.Write(ref _readState, Reading);
        return true;
    }

    private static string KeyOf(ISessionSource source, string sessionId) => $"{source.Name}:{sessionId}";

    private sealed record Filing(SessionFile File, string Key);

    /// <summary>What only reads touch: made at the first, so a file never read holds none of it.</summary>
    private sealed class FileReading(ISessionTracker tracker)
    {
        public ISessionTracker Tracker { get; } = tracker;

        public TailPosition Position { get; set; }

        public long MalformedReported { get; set; }

        public List<long>? UnknownShapeLinesReported { get; set; }

        public bool Unreadable { get; set; }
    }
}
