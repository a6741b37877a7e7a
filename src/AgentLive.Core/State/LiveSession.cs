namespace AgentLive;

/// <summary>
/// One agent session as the monitor sees it now: an immutable snapshot, replaced (never changed) when something
/// changes. Its JSON form (<see cref="AgentLiveJson"/>) is the library's wire contract.
/// </summary>
public sealed record LiveSession
{
    /// <summary>
    /// Gets the id unique across sources: <c>&lt;source&gt;:&lt;source session id&gt;</c>. An agent process that writes no
    /// transcript and whose live report names no session (<see cref="AgentStateKind.NotRecorded"/>) has the id
    /// <c>&lt;source&gt;:pid-&lt;pid&gt;-&lt;start ticks&gt;</c>, stable while the process runs.
    /// </summary>
    public required string Id { get; init; }

    /// <summary>Gets the name of the source that found the session (<see cref="Sources.ISessionSource.Name"/>).</summary>
    public required string Source { get; init; }

    /// <summary>Gets the id the agent itself uses for the session (for an agent known only by its process, <c>pid-&lt;pid&gt;-&lt;start ticks&gt;</c>).</summary>
    public required string SourceSessionId { get; init; }

    /// <summary>
    /// Gets the session's transcript, or the empty string when it has none (<see cref="AgentStateKind.NotRecorded"/>:
    /// never <see langword="null"/>, so a consumer that opens or displays it needs no special case beyond the empty one).
    /// </summary>
    public required string FilePath { get; init; }

    /// <summary>Gets the working directory of the session.</summary>
    public string? ProjectPath { get; init; }

    /// <summary>Gets a short display name for the project: the working directory's last segment.</summary>
    public string? ProjectName { get; init; }

    /// <summary>Gets the git branch, or <see langword="null"/> outside a repository.</summary>
    public string? GitBranch { get; init; }

    /// <summary>Gets what the agent is doing, in detail.</summary>
    public required AgentState State { get; init; }

    /// <summary>Gets the coarse status: working, needs you, or done (derived from <see cref="State"/>).</summary>
    public SessionStatus Status => State.Status;

    /// <summary>Gets whether the session waits for the user (<see cref="SessionStatus.NeedsYou"/>).</summary>
    public bool NeedsYou => Status == SessionStatus.NeedsYou;

    /// <summary>Gets the session's title.</summary>
    public string? Title { get; init; }

    /// <summary>Gets a preview of the user's latest prompt.</summary>
    public string? LastUserMessage { get; init; }

    /// <summary>Gets the tool call the agent is acting on while it works (the command that runs, the file it edits), or <see langword="null"/>.</summary>
    public AgentActivity? Activity { get; init; }

    /// <summary>Gets how many prompts the user submitted.</summary>
    public int TurnCount { get; init; }

    /// <summary>Gets the model of the latest model call.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the tokens of the session, its sub-agents' included.</summary>
    public TokenUsage Tokens { get; init; }

    /// <summary>Gets how many tokens the latest request put in the context window.</summary>
    public long? ContextWindowTokens { get; init; }

    /// <summary>Gets the model's context window, where the transcript states it.</summary>
    public long? ContextWindowSize { get; init; }

    /// <summary>Gets the cost in US dollars, or <see langword="null"/> when a model's price is unknown.</summary>
    public decimal? CostUsd { get; init; }

    /// <summary>Gets when the session started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Gets the time of the latest line.</summary>
    public DateTimeOffset? LastActivityAt { get; init; }

    /// <summary>Gets the agent's process id, or <see langword="null"/> when no live process is known.</summary>
    public int? Pid { get; init; }

    /// <summary>Gets the session this one was forked or spawned from, where known.</summary>
    public string? ParentSessionId { get; init; }

    /// <summary>Gets the sub-agents the session spawned.</summary>
    public IReadOnlyList<SubAgentInfo> SubAgents { get; init; } = [];

    /// <summary>Compares every field, the sub-agents by value.</summary>
    /// <param name="other">The session to compare with.</param>
    /// <returns>Whether both describe the same state.</returns>
    public bool Equals(LiveSession? other) =>
        other is not null
        && Id == other.Id && Source == other.Source && SourceSessionId == other.SourceSessionId && FilePath == other.FilePath
        && ProjectPath == other.ProjectPath && ProjectName == other.ProjectName && GitBranch == other.GitBranch
        && State == other.State && Title == other.Title
        && LastUserMessage == other.LastUserMessage && Activity == other.Activity && TurnCount == other.TurnCount
        && Model == other.Model && Tokens == other.Tokens && ContextWindowTokens == other.ContextWindowTokens
        && ContextWindowSize == other.ContextWindowSize && CostUsd == other.CostUsd && StartedAt == other.StartedAt
        && LastActivityAt == other.LastActivityAt && Pid == other.Pid && ParentSessionId == other.ParentSessionId
        && SubAgents.SequenceEqual(other.SubAgents);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, State, LastActivityAt, Tokens, Pid);
}
