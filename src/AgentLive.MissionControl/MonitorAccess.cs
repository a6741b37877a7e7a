using System.Text.Json;
using AgentLive.Events;
using AgentLive.Monitoring;
using AgentLive.Processes;
using AgentLive.Serialization;
using AgentLive.State;

namespace AgentLive.MissionControl;

/// <summary>Everything Mission Control asks of the monitor and of its JSON contract, in one place.</summary>
internal static class MonitorAccess
{
    public static IReadOnlyList<LiveSession> Sessions(SessionMonitor monitor) => monitor.Sessions;

    public static LiveSession? Find(SessionMonitor monitor, string id) =>
        monitor.Sessions.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    public static SessionSummary Summary(SessionMonitor monitor) => monitor.Summary;

    public static async Task<IReadOnlyList<SessionMessage>?> MessagesAsync(SessionMonitor monitor, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await monitor.GetMessagesAsync(id, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    public static Task<StopResult> StopAsync(SessionMonitor monitor, string id, CancellationToken cancellationToken) =>
        monitor.StopSessionAsync(id, cancellationToken);

    public static bool NeedsYou(LiveSession session) =>
        session.Status != SessionStatus.Done && session.AgentState.Group == AgentStateGroup.NeedsYou;

    /// <summary>The SSE event name of a monitor event, and the session it is about (none for a summary).</summary>
    public static (string Type, string? SessionId, LiveSession? Session) Describe(SessionEvent item) => item switch
    {
        SessionDiscovered d => ("discovered", d.Session.Id, d.Session),
        SessionUpdated u => ("updated", u.Session.Id, u.Session),
        SessionCompleted c => ("completed", c.SessionId, null),
        _ => ("summary", null, null),
    };

    public static SessionSummary? SummaryOf(SessionEvent item) => (item as SummaryChanged)?.Summary;

    public static string Json(SessionEvent item) => AgentLiveJson.Serialize(item);

    public static string Json(LiveSession session) => AgentLiveJson.Serialize(session);

    public static string Json(IReadOnlyList<LiveSession> sessions) => AgentLiveJson.Serialize(sessions);

    public static string Json(IReadOnlyList<SessionMessage> messages) => AgentLiveJson.Serialize(messages);

    public static string Json(SessionSummary summary) => JsonSerializer.Serialize(summary, AgentLiveJson.Options);

    /// <summary>Needs-you first, then the most recent activity, then the id: one order for both sources.</summary>
    public static IEnumerable<LiveSession> Ordered(IEnumerable<LiveSession> sessions) => sessions
        .OrderByDescending(NeedsYou)
        .ThenByDescending(s => s.LastActivityAt ?? s.StartedAt ?? DateTimeOffset.MinValue)
        .ThenBy(s => s.Id, StringComparer.Ordinal);
}
