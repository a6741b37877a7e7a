namespace AgentLive;

/// <summary>
/// What an agent is acting on right now, as data: the tool, what it acts on, and why. For a shell call the
/// <see cref="Target"/> is the command that actually runs; the agent's own description of it is
/// <see cref="Description"/>.
/// </summary>
public sealed record AgentActivity
{
    /// <summary>Gets the tool's name as the agent calls it, such as <c>Bash</c>, <c>Read</c> or <c>exec_command</c>.</summary>
    public string? Tool { get; init; }

    /// <summary>
    /// Gets what the tool acts on: the command for a shell call, the path for a file tool, the pattern for a search,
    /// the URL for a fetch; <see langword="null"/> when the call names nothing of the kind.
    /// </summary>
    public string? Target { get; init; }

    /// <summary>Gets the agent's own description of the call, where it gave one.</summary>
    public string? Description { get; init; }

    /// <summary>Gets one line for people: <c>Bash: npm test</c>, or the tool or the description alone when that is all there is.</summary>
    public string Display => (Tool, Target ?? Description) switch
    {
        ({ } tool, { } what) => $"{tool}: {what}",
        ({ } tool, null) => tool,
        (null, { } what) => what,
        _ => string.Empty,
    };
}
