namespace AgentLive;

/// <summary>
/// The one coarse answer to "does this agent need me?": the value a list sorts, filters and counts by. It is derived
/// from <see cref="AgentState.Kind"/> in one place (<see cref="AgentState.Status"/>), so every count agrees.
/// The JSON form is <c>working</c>, <c>needs_you</c>, <c>done</c> or <c>unknown</c>.
/// </summary>
public enum SessionStatus
{
    /// <summary>The agent works on its own: the model is called, writes, or a tool runs.</summary>
    Working = 0,

    /// <summary>
    /// The agent stopped and the session is still open, so the next step is the user's: a prompt, a question, a
    /// permission or plan dialog, an error, an interrupt (see <see cref="AgentState"/> for which).
    /// </summary>
    NeedsYou,

    /// <summary>The session ended: its process is gone, or it has been quiet for longer than the done threshold.</summary>
    Done,

    /// <summary>
    /// The monitor cannot see what the agent does: its signals disagree, or a live agent writes no transcript. Shown
    /// as such rather than as a guess (see <see cref="AgentState.Label"/> for why).
    /// </summary>
    Unknown,
}
