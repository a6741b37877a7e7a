namespace AgentLive.Events;

/// <summary>A session left the monitor: done for longer than the grace period, or its transcript is gone.</summary>
/// <param name="Timestamp">When it was published.</param>
/// <param name="SessionId">The <see cref="State.LiveSession.Id"/> of the session.</param>
public sealed record SessionCompleted(DateTimeOffset Timestamp, string SessionId) : SessionEvent(Timestamp);
