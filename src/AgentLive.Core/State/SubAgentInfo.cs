namespace AgentLive;

/// <summary>A sub-agent a session spawned (an agent its agent started for a part of the work), as far as the transcripts show it.</summary>
public sealed record SubAgentInfo
{
    /// <summary>Gets the spawning tool call's id; stable for the sub-agent's whole life.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the sub-agent's own id (its transcript file's name), once known.</summary>
    public string? AgentId { get; init; }

    /// <summary>Gets the sub-agent's type, such as <c>general-purpose</c>.</summary>
    public string? AgentType { get; init; }

    /// <summary>Gets the short task description the parent gave it.</summary>
    public string? Description { get; init; }

    /// <summary>Gets where it is in its life.</summary>
    public SubAgentStatus Status { get; init; }

    /// <summary>Gets whether it is still working (<see cref="SubAgentStatus.Running"/>).</summary>
    public bool IsRunning => Status == SubAgentStatus.Running;

    /// <summary>Gets what it is doing now (its latest tool), while it runs and where known.</summary>
    public AgentActivity? Activity { get; init; }

    /// <summary>Gets when the parent spawned it.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Gets the tokens its own transcript accounts for, where one was found.</summary>
    public TokenUsage Tokens { get; init; }
}
