using System.Diagnostics.CodeAnalysis;
using AgentLive.Diagnostics;
using AgentLive.Events;

namespace AgentLive.Monitoring;

/// <summary>
/// The current sessions, summary and drift notices, and the subscribers told about every change. One lock covers
/// both, so a new subscriber's initial state and the live events after it have no gap and no overlap.
/// </summary>
internal sealed class SessionBoard
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LiveSession> _sessions = new(StringComparer.Ordinal);
    private readonly List<SubscriberQueue> _subscribers = [];
    private readonly List<FormatDriftDetected> _notices = [];
    private readonly TimeProvider _time;
    private readonly int _queueCapacity;
    private readonly AgentLiveMetrics _metrics;
    private readonly SummaryTally _tally;
    private SessionSummary _summary = new();
    private bool _completed;

    public SessionBoard(TimeProvider time, int queueCapacity, AgentLiveMetrics metrics)
    {
        _time = time;
        _queueCapacity = queueCapacity;
        _metrics = metrics;
        _tally = new SummaryTally(time);
        metrics.ObserveSessions(() => Sessions);
    }

    public IReadOnlyList<LiveSession> Sessions
    {
        get
        {
            lock (_gate)
            {
                return [.. _sessions.Values.OrderBy(s => s.Id, StringComparer.Ordinal)];
            }
        }
    }

    public SessionSummary Summary
    {
        get
        {
            lock (_gate)
            {
                return _summary;
            }
        }
    }

    public bool TryGet(string id, [NotNullWhen(true)] out LiveSession? session)
    {
        lock (_gate)
        {
            return _sessions.TryGetValue(id, out session);
        }
    }

    /// <summary>Publishes a discovery or an update, or nothing when the snapshot did not change.</summary>
    public void Upsert(LiveSession session)
    {
        lock (_gate)
        {
            if (_sessions.TryGetValue(session.Id, out LiveSession? known))
            {
                if (known.Equals(session))
                {
                    return;
                }

                _sessions[session.Id] = session;
                _metrics.RecordUsage(known, session);
                Publish(new SessionUpdated { Timestamp = _time.GetUtcNow(), Session = session, Previous = known });
            }
            else
            {
                _sessions[session.Id] = session;
                _metrics.RecordUsage(null, session);
                Publish(new SessionDiscovered { Timestamp = _time.GetUtcNow(), Session = session });
            }

            UpdateSummary(known, session);
        }
    }

    public void Remove(string id)
    {
        lock (_gate)
        {
            if (_sessions.Remove(id, out LiveSession? last))
            {
                Publish(new SessionCompleted { Timestamp = _time.GetUtcNow(), Session = last });
                UpdateSummary(last, null);
            }
        }
    }

    /// <summary>Re-derives the summary (time moves "today"), publishing it when it changed.</summary>
    public void RefreshSummary()
    {
        lock (_gate)
        {
            UpdateSummary(null, null);
        }
    }

    /// <summary>
    /// Publishes a drift notice and keeps it for later subscribers: most drift is met by the first scan, before
    /// anyone subscribes, and it stays true (the reporter bounds how many there are).
    /// </summary>
    public void Announce(FormatDriftDetected notice)
    {
        lock (_gate)
        {
            _notices.Add(notice);
            Publish(notice);
        }
    }

    public SubscriberQueue Subscribe()
    {
        var queue = new SubscriberQueue(_queueCapacity);
        lock (_gate)
        {
            DateTimeOffset now = _time.GetUtcNow();
            foreach (LiveSession session in _sessions.Values.OrderBy(s => s.Id, StringComparer.Ordinal))
            {
                queue.Enqueue(new SessionDiscovered { Timestamp = now, Session = session });
            }

            queue.Enqueue(new SummaryChanged { Timestamp = now, Summary = _summary });
            foreach (FormatDriftDetected notice in _notices)
            {
                queue.Enqueue(notice);
            }

            _metrics.EventsPublished.Add(_sessions.Count + 1 + _notices.Count);
            if (_completed)
            {
                queue.Complete();
            }
            else
            {
                _subscribers.Add(queue);
            }
        }

        return queue;
    }

    public void Unsubscribe(SubscriberQueue queue)
    {
        lock (_gate)
        {
            _subscribers.Remove(queue);
        }

        queue.Complete();
    }

    /// <summary>Ends every subscriber's enumeration (after what is queued) and refuses new ones.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (SubscriberQueue queue in _subscribers)
            {
                queue.Complete();
            }

            _subscribers.Clear();
        }
    }

    /// <summary>
    /// Counts the change from <paramref name="before"/> to <paramref name="after"/> (either may be none), or every
    /// session again when the local day has turned; publishes the summary when it changed.
    /// </summary>
    private void UpdateSummary(LiveSession? before, LiveSession? after)
    {
        DateTimeOffset now = _time.GetUtcNow();
        DateTime today = _tally.DayOf(now);
        if (today != _tally.Day)
        {
            _tally.Reset(today);
            foreach (LiveSession session in _sessions.Values)
            {
                _tally.Add(session);
            }
        }
        else
        {
            if (before is not null)
            {
                _tally.Remove(before);
            }

            if (after is not null)
            {
                _tally.Add(after);
            }
        }

        SessionSummary summary = _tally.ToSummary();
        if (summary != _summary)
        {
            _summary = summary;
            Publish(new SummaryChanged { Timestamp = now, Summary = summary });
        }
    }

    private void Publish(SessionEvent item)
    {
        foreach (SubscriberQueue queue in _subscribers)
        {
            _metrics.EventsPublished.Add(1);
            if (queue.Enqueue(item))
            {
                _metrics.EventsCoalesced.Add(1);
            }
        }
    }
}
