namespace AgentLive.Events;

/// <summary>Something the monitor saw change. Match on the derived types.</summary>
/// <param name="Timestamp">When the monitor published it (from its <see cref="TimeProvider"/>).</param>
public abstract record SessionEvent(DateTimeOffset Timestamp);
