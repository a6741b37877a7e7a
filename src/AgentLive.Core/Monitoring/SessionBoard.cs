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
    private SessionSummary _summary = new();
    private bool _completed;

    public SessionBoard(TimeProvider time, int queueCapacity, AgentLiveMetrics metrics)
    {
        _time = time;
        _queueCapacity = queueCapacity;
        _metrics = metrics;
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

            UpdateSummary();
        }
    }

    public void Remove(string id)
    {
        lock (_gate)
        {
            if (_sessions.Remove(id, out LiveSession? last))
            {
                Publish(new SessionCompleted { Timestamp = _time.GetUtcNow(), Session = last });
                UpdateSummary();
            }
        }
    }

    /// <summary>Re-derives the summary (time moves "today"), publishing it when it changed.</summary>
    public void RefreshSummary()
    {
        lock (_gate)
        {
            UpdateSummary();
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

    private void UpdateSummary()
    {
        DateTimeOffset now = _time.GetUtcNow();
        DateTime today = TimeZoneInfo.ConvertTime(now, _time.LocalTimeZone).Date;
        int needsYou = 0;
        int working = 0;
        int done = 0;
        int unknown = 0;
        long tokens = 0;
        decimal cost = 0;
        foreach (LiveSession session in _sessions.Values)
        {
            switch (session.Status)
            {
                case SessionStatus.Working:
                    working++;
                    break;
                case SessionStatus.NeedsYou:
                    needsYou++;
                    break;
                case SessionStatus.Done:
                    done++;
                    break;
                case SessionStatus.Unknown:
                    unknown++;
                    break;
            }

            if (session.LastActivityAt is { } last && TimeZoneInfo.ConvertTime(last, _time.LocalTimeZone).Date == today)
            {
                tokens += session.Tokens.Total;
                cost += session.CostUsd ?? 0;
            }
        }

        var summary = new SessionSummary
        {
            NeedsYouCount = needsYou,
            WorkingCount = working,
            DoneCount = done,
            UnknownCount = unknown,
            TotalTokensToday = tokens,
            TotalCostTodayUsd = cost,
        };
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
