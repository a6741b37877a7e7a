using AgentLive.Processes;
using AgentLive.Sources;

namespace AgentLive.Monitoring;

/// <summary>
/// Turns what is known of a session (its files' facts, the live report, the process match, the time) into its
/// snapshot on the board, and runs the end of its life: done, then kept for the grace period, then completed.
/// </summary>
internal sealed class SessionProjector
{
    private readonly object _gate = new();
    private readonly TranscriptCatalog _catalog;
    private readonly LiveStatusPoller _liveStatus;
    private readonly ProcessTracker? _processes;
    private readonly SessionBoard _board;
    private readonly TimeProvider _time;
    private readonly StatusThresholds _thresholds;
    private readonly TimeSpan _gracePeriod;
    private readonly Dictionary<string, DateTimeOffset> _doneSince = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SessionFacts> _completed = new(StringComparer.Ordinal);

    public SessionProjector(
        TranscriptCatalog catalog,
        LiveStatusPoller liveStatus,
        ProcessTracker? processes,
        SessionBoard board,
        TimeProvider time,
        StatusThresholds thresholds,
        TimeSpan gracePeriod)
    {
        _catalog = catalog;
        _liveStatus = liveStatus;
        _processes = processes;
        _board = board;
        _time = time;
        _thresholds = thresholds;
        _gracePeriod = gracePeriod;
    }

    /// <summary>Rebuilds every session that has something to show, and the summary (time moves "today").</summary>
    public void RefreshAll()
    {
        // Sessions with a file read at least once, those listed (whose files may be gone), and agents with no
        // transcript: dormant files have nothing to show.
        IEnumerable<string> unrecorded = (_processes?.Matches ?? ProcessMatches.None).Unrecorded.Select(a => a.Key);
        foreach (string key in _catalog.SessionsWithFacts.Concat(_board.Sessions.Select(s => s.Id)).Concat(unrecorded).Distinct(StringComparer.Ordinal).ToList())
        {
            Refresh(key);
        }

        _board.RefreshSummary();
    }

    /// <summary>Rebuilds one session's snapshot from its files' facts and the current time, and publishes any change.</summary>
    public void Refresh(string key)
    {
        lock (_gate)
        {
            List<TrackedFile> files = _catalog.FilesOf(key);
            TrackedFile? main = files.Where(f => f.File.Kind == SessionFileKind.Main).MaxBy(f => f.Facts!.LastActivityAt);
            if (main is null)
            {
                _doneSince.Remove(key);
                _completed.Remove(key);

                // No transcript: the session is an agent that writes none, while it runs; otherwise it is over.
                if (Unrecorded(key) is { } running)
                {
                    _board.Upsert(running);
                }
                else
                {
                    _board.Remove(key);
                }

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
            ProcessMatches processes = _processes?.Matches ?? ProcessMatches.None;
            LiveSession session = SessionSnapshots.Build(
                key,
                main,
                files,
                _liveStatus.Current.GetValueOrDefault(key),
                processes.Matched.GetValueOrDefault(key),
                processes.Absent.Contains(key),
                processes.ToolRunning.Contains(key),
                now,
                _thresholds);
            if (session.Status == SessionStatus.Done)
            {
                DateTimeOffset since = _doneSince.TryGetValue(key, out DateTimeOffset known) ? known : _doneSince[key] = now;
                if (now - since >= _gracePeriod)
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

    private LiveSession? Unrecorded(string key) =>
        _processes?.Matches.Unrecorded.FirstOrDefault(a => a.Key == key) is { } agent
            ? UnrecordedSessions.Build(agent, _liveStatus.Current.GetValueOrDefault(key), _time.GetUtcNow(), _thresholds)
            : null;
}
