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

    /// <summary>Initializes a new instance of the <see cref="AgentState"/> class with a state, its label and what it rests on.</summary>
    /// <param name="kind">The state.</param>
    /// <param name="label">A short human label.</param>
    /// <param name="evidence">What the state rests on.</param>
    [SetsRequiredMembers]
    public AgentState(AgentStateKind kind, string label, StateEvidence evidence)
        : this(kind, label)
    {
        Evidence = evidence;
    }

    /// <summary>Gets the state.</summary>
    public required AgentStateKind Kind { get; init; }

    /// <summary>Gets a short human label, such as <c>Running Bash: npm test</c> or <c>Waiting for permission</c>.</summary>
    public required string Label { get; init; }

    /// <summary>
    /// Gets what the state rests on: the transcript, the agent's live report, the process table, time, or several of
    /// them. A state a source reads from its transcript alone says <see cref="StateEvidence.Transcript"/>.
    /// </summary>
    public StateEvidence Evidence { get; init; }

    /// <summary>Gets the coarse status this state belongs to.</summary>
    /// <remarks>Not part of the JSON form of the state: a session's JSON states its status once, beside it.</remarks>
    [JsonIgnore]
    public SessionStatus Status => StatusOf(Kind);

    /// <summary>Gets the coarse status of a state: the one place the mapping is made.</summary>
    /// <param name="kind">The state.</param>
    /// <returns>
    /// <see cref="SessionStatus.Working"/> for acting, thinking, running a tool, delegating to a sub-agent and a
    /// background task; <see cref="SessionStatus.Done"/> for an ended session; <see cref="SessionStatus.Unknown"/> when
    /// the monitor cannot tell or cannot see; otherwise <see cref="SessionStatus.NeedsYou"/>.
    /// </returns>
    public static SessionStatus StatusOf(AgentStateKind kind) => kind switch
    {
        AgentStateKind.Acting or AgentStateKind.Thinking or AgentStateKind.ToolRunning
            or AgentStateKind.Delegating or AgentStateKind.BackgroundTask => SessionStatus.Working,
        AgentStateKind.SessionEnded => SessionStatus.Done,
        AgentStateKind.Unknown or AgentStateKind.NotRecorded => SessionStatus.Unknown,
        _ => SessionStatus.NeedsYou,
    };
}
