using AgentLive.State;

namespace AgentLive.Events;

/// <summary>
/// A session the subscriber has not been told about: sent once per session, for every current session when a
/// subscriber starts, and when a new one appears.
/// </summary>
/// <param name="Timestamp">When it was published.</param>
/// <param name="Session">The session's state.</param>
public sealed record SessionDiscovered(DateTimeOffset Timestamp, LiveSession Session) : SessionEvent(Timestamp);
