namespace AgentLive.State;

/// <summary>A sub-agent a session spawned (Claude's Task/Agent tool), as far as the transcripts show it.</summary>
/// <param name="Id">The spawning tool call's id; stable for the sub-agent's whole life.</param>
/// <param name="AgentId">The sub-agent's own id (its transcript file's name), once known.</param>
/// <param name="AgentType">The sub-agent's type, such as <c>general-purpose</c>.</param>
/// <param name="Description">The short task description the parent gave it.</param>
/// <param name="IsRunning">Whether it is still working.</param>
/// <param name="Status">How it ended (<c>completed</c>, <c>failed</c>, <c>async_launched</c>, …), or <see langword="null"/> while running.</param>
/// <param name="CurrentActivity">What it is doing now (its latest tool), where known.</param>
/// <param name="StartedAt">When the parent spawned it.</param>
/// <param name="Tokens">Tokens its own transcript accounts for, where one was found.</param>
public sealed record SubAgentInfo(
    string Id,
    string? AgentId,
    string? AgentType,
    string? Description,
    bool IsRunning,
    string? Status,
    string? CurrentActivity,
    DateTimeOffset? StartedAt,
    TokenUsage Tokens);
