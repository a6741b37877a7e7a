namespace AgentLive;

/// <summary>
/// A session left the monitor: done for longer than the grace period, or its transcript is gone.
/// <see cref="SessionChanged.Session"/> is its last state (final tokens and cost included).
/// </summary>
public sealed record SessionCompleted : SessionChanged;
