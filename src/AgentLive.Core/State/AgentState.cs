using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace AgentLive;

/// <summary>What an agent is doing, in detail: the fine-grained state and a short label for people.</summary>
public sealed record AgentState
{
    /// <summary>Initializes a new instance of the <see cref="AgentState"/> class.</summary>
    public AgentState()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AgentState"/> class with a state and its label.</summary>
    /// <param name="kind">The state.</param>
    /// <param name="label">A short human label.</param>
    [SetsRequiredMembers]
    public AgentState(AgentStateKind kind, string label)
    {
        Kind = kind;
        Label = label;
    }

    /// <summary>Gets the state.</summary>
    public required AgentStateKind Kind { get; init; }

    /// <summary>Gets a short human label, such as <c>Running Bash: npm test</c> or <c>Waiting for permission</c>.</summary>
    public required string Label { get; init; }

    /// <summary>Gets the coarse status this state belongs to.</summary>
    /// <remarks>Not part of the JSON form of the state: a session's JSON states its status once, beside it.</remarks>
    [JsonIgnore]
    public SessionStatus Status => StatusOf(Kind);

    /// <summary>Gets the coarse status of a state: the one place the mapping is made.</summary>
    /// <param name="kind">The state.</param>
    /// <returns>
    /// <see cref="SessionStatus.Working"/> for acting, thinking and running a tool; <see cref="SessionStatus.Done"/>
    /// for an ended session; otherwise <see cref="SessionStatus.NeedsYou"/>.
    /// </returns>
    public static SessionStatus StatusOf(AgentStateKind kind) => kind switch
    {
        AgentStateKind.Acting or AgentStateKind.Thinking or AgentStateKind.ToolRunning => SessionStatus.Working,
        AgentStateKind.SessionEnded => SessionStatus.Done,
        _ => SessionStatus.NeedsYou,
    };
}
