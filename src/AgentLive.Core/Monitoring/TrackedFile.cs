using AgentLive.Sources;
using AgentLive.Tailing;

namespace AgentLive.Monitoring;

/// <summary>One transcript the monitor knows: where its reading stands and what it last said.</summary>
internal sealed class TrackedFile
{
    private const int Idle = 0;
    private const int Reading = 1;
    private const int ReadingAndChanged = 2;

    private readonly Func<SessionFile, ISessionTracker> _createTracker;
    private ISessionTracker? _tracker;
    private int _readState;
    private volatile Filing _filing;

    /// <param name="file">The transcript.</param>
    /// <param name="source">The source that recognised it.</param>
    /// <param name="createTracker">Makes its tracker at its first read: a dormant file that is never read costs no tracker.</param>
    public TrackedFile(SessionFile file, ISessionSource source, Func<SessionFile, ISessionTracker> createTracker)
    {
        Source = source;
        _createTracker = createTracker;
        _filing = new Filing(file, $"{source.Name}:{file.SessionId}");
    }

    /// <summary>The file as the source recognised it, or as the catalog filed it since (a sub-agent of another session).</summary>
    public SessionFile File => _filing.File;

    public ISessionSource Source { get; }

    /// <summary>Only touched inside a read, and reads of one file never overlap.</summary>
    public ISessionTracker Tracker => _tracker ??= _createTracker(File);

    /// <summary>The monitor's id of the session this file belongs to (a sub-agent file: its parent's).</summary>
    public string SessionKey => _filing.Key;

    public TailPosition Position { get; set; }

    /// <summary>Length and write time when the file was last read: a rescan or refresh re-reads it when either changes.</summary>
    public FileStamp Known { get; set; } = FileStamp.None;

    /// <summary>Older than the look-back window at discovery: known, not read until it changes.</summary>
    public bool Dormant { get; set; }

    /// <summary>The tracker's facts as of the end of the last read; safe to use from any thread.</summary>
    public volatile SessionFacts? Facts;

    public long MalformedReported { get; set; }

    /// <summary>For each of the tracker's <see cref="ISessionTracker.UnknownShapes"/>, the lines already counted; none until it has one.</summary>
    public List<long>? UnknownShapeLinesReported { get; set; }

    /// <summary>Whether the last read failed for want of permission (reported once, and once more when it ends).</summary>
    public bool Unreadable { get; set; }

    /// <summary>Files the transcript under another session as that session's sub-agent (file and key change together).</summary>
    public void FileAsSubAgent(string parentSessionId) =>
        _filing = new Filing(File with { Kind = SessionFileKind.SubAgent, SessionId = parentSessionId, AgentId = File.SessionId }, $"{Source.Name}:{parentSessionId}");

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

    private sealed record Filing(SessionFile File, string Key);
}
