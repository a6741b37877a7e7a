namespace AgentLive.State;

/// <summary>What an agent is doing: the state, its group, and a short label for people.</summary>
/// <param name="Kind">The state.</param>
/// <param name="Label">A short human label, such as <c>Running Bash: npm test</c> or <c>Waiting for permission</c>.</param>
public sealed record AgentState(AgentStateKind Kind, string Label)
{
    /// <summary>Gets whether the state needs the user.</summary>
    public AgentStateGroup Group => GroupOf(Kind);

    /// <summary>Gets the group a state belongs to.</summary>
    /// <param name="kind">The state.</param>
    /// <returns><see cref="AgentStateGroup.Autonomous"/> for acting, thinking and running a tool; otherwise <see cref="AgentStateGroup.NeedsYou"/>.</returns>
    public static AgentStateGroup GroupOf(AgentStateKind kind) =>
        kind is AgentStateKind.Acting or AgentStateKind.Thinking or AgentStateKind.ToolRunning
            ? AgentStateGroup.Autonomous
            : AgentStateGroup.NeedsYou;
}
