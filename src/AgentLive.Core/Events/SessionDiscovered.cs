namespace AgentLive;

/// <summary>
/// A session the subscriber has not been told about: sent once per session, for every current session when a
/// subscriber starts, and when a new one appears.
/// </summary>
public sealed record SessionDiscovered : SessionChanged;
