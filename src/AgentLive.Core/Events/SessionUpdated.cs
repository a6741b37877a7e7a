using AgentLive.State;

namespace AgentLive.Events;

/// <summary>A known session changed; the snapshot is its whole new state.</summary>
/// <remarks>A slow subscriber may skip intermediate updates of a session: the latest snapshot replaces them.</remarks>
/// <param name="Timestamp">When it was published.</param>
/// <param name="Session">The session's new state.</param>
public sealed record SessionUpdated(DateTimeOffset Timestamp, LiveSession Session) : SessionEvent(Timestamp);
