namespace AgentLive.MissionControl;

/// <summary>What Mission Control asks of the monitor and of its JSON contract, in one place.</summary>
internal static class MonitorAccess
{
    /// <summary>The SSE event name of a monitor event, and the session it is about (none for a summary or a drift notice).</summary>
    public static (string Type, LiveSession? Session) Describe(SessionEvent item) => item switch
    {
        SessionDiscovered d => ("discovered", d.Session),
        SessionUpdated u => ("updated", u.Session),
        SessionCompleted c => ("completed", c.Session),
        FormatDriftDetected => ("format_drift", null),
        _ => ("summary", null),
    };

    /// <summary>Needs-you first, then the most recent activity, then the id: one order for both sources.</summary>
    public static IEnumerable<LiveSession> Ordered(IEnumerable<LiveSession> sessions) => sessions
        .OrderByDescending(s => s.NeedsYou)
        .ThenByDescending(s => s.LastActivityAt ?? s.StartedAt ?? DateTimeOffset.MinValue)
        .ThenBy(s => s.Id, StringComparer.Ordinal);
}
