namespace AgentLive.Sources;

/// <summary>
/// What a session's transcript says, independent of time and of the process table: the part of a session's state
/// that only changes when lines arrive.
/// </summary>
public sealed record SessionFacts
{
    /// <summary>Gets the id the agent itself gives the session (its session or thread id).</summary>
    public string? SourceSessionId { get; init; }

    /// <summary>Gets the session this one was forked or spawned from, where the transcript says so.</summary>
    public string? ParentSessionId { get; init; }

    /// <summary>
    /// Gets, for a transcript that its own lines show to be a sub-agent's although its file looks like a session of its
    /// own (a Codex sub-agent writes a rollout of its own), the parent session's id, as
    /// <see cref="SessionFile.SessionId"/> names the parent's transcript; otherwise <see langword="null"/>. The monitor
    /// then files the transcript under that session as a <see cref="SessionFileKind.SubAgent"/> whose
    /// <see cref="SessionFile.AgentId"/> is the file's own session id, so <see cref="ISessionSource.CombineSubAgents"/>
    /// receives it; until the parent's transcript has been read, it is shown as a session of its own.
    /// </summary>
    /// <remarks>A fork, which is a session of its own, names its origin in <see cref="ParentSessionId"/> only.</remarks>
    public string? SubAgentOf { get; init; }

    /// <summary>Gets the working directory of the session, as the transcript states it.</summary>
    public string? ProjectPath { get; init; }

    /// <summary>Gets the git branch of the working directory, or <see langword="null"/> outside a repository.</summary>
    public string? GitBranch { get; init; }

    /// <summary>Gets the session's title: a name the user gave it, a generated title, or the first prompt.</summary>
    public string? Title { get; init; }

    /// <summary>Gets a preview of the user's latest prompt.</summary>
    public string? LastUserMessage { get; init; }

    /// <summary>Gets the tool call the agent is acting on now, or <see langword="null"/> when none runs.</summary>
    public AgentActivity? Activity { get; init; }

    /// <summary>Gets how many prompts the user submitted.</summary>
    public int TurnCount { get; init; }

    /// <summary>Gets the model of the latest model call.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the tokens of every model response so far, each counted once.</summary>
    public TokenUsage Tokens { get; init; }

    /// <summary>Gets how many tokens the latest request put in the model's context window.</summary>
    public long? ContextWindowTokens { get; init; }

    /// <summary>Gets the size of the model's context window, where the transcript states it.</summary>
    public long? ContextWindowSize { get; init; }

    /// <summary>Gets the cost in US dollars, or <see langword="null"/> when a model's price is unknown (never a guessed 0).</summary>
    public decimal? CostUsd { get; init; }

    /// <summary>Gets the time of the first line.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Gets the time of the latest line that carried one.</summary>
    public DateTimeOffset? LastActivityAt { get; init; }

    /// <summary>Gets the sub-agents the session spawned.</summary>
    public IReadOnlyList<SubAgentInfo> SubAgents { get; init; } = [];

    /// <summary>
    /// Gets, while a tool call runs that probably needs the user's approval first (it asked to leave the sandbox under
    /// a policy that asks), what it wants to run; otherwise <see langword="null"/>. The monitor shows the session as
    /// waiting for approval once such a call stays unanswered for <see cref="StatusThresholds.ApprovalQuiet"/> and no tool
    /// process of the session runs.
    /// </summary>
    public string? PendingApproval { get; init; }

    /// <summary>
    /// Gets the title of a plan the agent wrote for the user to approve and that is not approved or rejected yet
    /// (plan mode), or <see langword="null"/>. A permission dialog the agent reports while a plan is proposed is the
    /// plan's review (<see cref="AgentStateKind.PlanReview"/>).
    /// </summary>
    public string? ProposedPlan { get; init; }

    /// <summary>Gets what the transcript alone says the agent is doing, before time and process facts are weighed.</summary>
    public AgentState TranscriptState { get; init; } = new(AgentStateKind.Idle, "Idle");
}
