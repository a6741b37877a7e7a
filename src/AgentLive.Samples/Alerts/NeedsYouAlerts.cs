using AgentLive;

namespace AgentLive.Samples.Alerts;

/// <summary>
/// Decides when to alert the user: once when a session comes to need them, never again while it keeps waiting, and
/// never for a session that was already waiting when watching began (it is on screen; an alert would be noise).
/// </summary>
internal sealed class NeedsYouAlerts
{
    private readonly Dictionary<string, bool> _waiting = new(StringComparer.Ordinal);
    private bool _started;

    /// <summary>
    /// Takes the sessions as they are now and returns the ones that came to need the user since the previous call.
    /// The first call only records where everyone stands. A session first seen later that already waits counts as
    /// having come to need the user: it started after watching began.
    /// </summary>
    public IReadOnlyList<LiveSession> Observe(IEnumerable<LiveSession> sessions)
    {
        var alerts = new List<LiveSession>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (LiveSession session in sessions)
        {
            present.Add(session.Id);
            bool waiting = session.NeedsYou;
            bool waitedBefore = _waiting.TryGetValue(session.Id, out bool was) && was;
            if (_started && waiting && !waitedBefore)
            {
                alerts.Add(session);
            }

            _waiting[session.Id] = waiting;
        }

        // A session that left the monitor is forgotten, so the table's memory stays the size of the table.
        foreach (string gone in _waiting.Keys.Where(id => !present.Contains(id)).ToList())
        {
            _waiting.Remove(gone);
        }

        _started = true;
        return alerts;
    }
}
