namespace AgentLive.State;

/// <summary>A session's status and agent state at one moment.</summary>
/// <param name="Status">The coarse status.</param>
/// <param name="State">What the agent is doing.</param>
public readonly record struct SessionActivity(SessionStatus Status, AgentState State);
