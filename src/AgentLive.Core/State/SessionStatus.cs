namespace AgentLive.State;

/// <summary>The coarse state of a session, the one a list sorts and filters by.</summary>
public enum SessionStatus
{
    /// <summary>The agent is doing something on its own: calling the model or running a tool.</summary>
    Working = 0,

    /// <summary>The agent stopped and the session is still open: it waits for the user (see <see cref="AgentState"/> for why).</summary>
    Paused,

    /// <summary>The session ended: its process is gone, or it has been quiet for longer than the done threshold.</summary>
    Done,
}
