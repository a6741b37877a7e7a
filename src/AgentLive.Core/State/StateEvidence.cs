namespace AgentLive;

/// <summary>
/// What an <see cref="AgentState"/> rests on, so a consumer can show how sure it is: a state read from the
/// transcript alone is weaker than one the agent's live report or the process table confirms, and one inferred from
/// time alone is the weakest. The JSON form is a comma-separated list of snake_case names, such as
/// <c>"transcript, process_tree"</c>.
/// </summary>
[Flags]
public enum StateEvidence
{
    /// <summary>Nothing is known (a state nobody derived yet).</summary>
    None = 0,

    /// <summary>The lines the agent wrote to its transcript.</summary>
    Transcript = 1,

    /// <summary>The agent's own live report of its state (such as Claude Code's <c>sessions/&lt;pid&gt;.json</c>).</summary>
    LiveReport = 2,

    /// <summary>The process table: the agent's process, and the tool processes it runs.</summary>
    ProcessTree = 4,

    /// <summary>How long the transcript has been quiet, weighed against <see cref="StatusThresholds"/>.</summary>
    Time = 8,
}
