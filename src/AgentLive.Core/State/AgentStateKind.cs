namespace AgentLive;

/// <summary>
/// What an agent is doing, in a vocabulary shared by every source. The JSON form is the snake_case name
/// (<c>tool_running</c>, <c>awaiting_permission</c>, …).
/// </summary>
public enum AgentStateKind
{
    /// <summary>The model is producing output (a reply is being written, or a sub-agent works).</summary>
    Acting = 0,

    /// <summary>A model call is in flight and nothing has come back yet (retries included).</summary>
    Thinking,

    /// <summary>A tool call is running.</summary>
    ToolRunning,

    /// <summary>The agent asked the user a question and waits for the answer.</summary>
    AwaitingInput,

    /// <summary>The agent waits for the user to allow a tool call.</summary>
    AwaitingPermission,

    /// <summary>The agent proposed a plan and waits for the user to accept or reject it.</summary>
    PlanReview,

    /// <summary>The turn finished normally; the agent waits for the next prompt.</summary>
    TaskComplete,

    /// <summary>The user interrupted the turn.</summary>
    Interrupted,

    /// <summary>The turn ended with an error (the model service failed and the client gave up).</summary>
    Error,

    /// <summary>The session is open with no turn in progress and nothing more specific is known.</summary>
    Idle,

    /// <summary>The agent's process exited or the session has been quiet past the done threshold.</summary>
    SessionEnded,

    /// <summary>
    /// The agent's own turn is over or paused while a sub-agent it started works for it; the sub-agent reports back by
    /// itself. The activity is the sub-agent's.
    /// </summary>
    Delegating,

    /// <summary>
    /// The agent's turn is over while a command it started in the background still runs (a build, a test run, a dev
    /// server that may never end). The activity is that command.
    /// </summary>
    BackgroundTask,

    /// <summary>
    /// The monitor cannot tell: its signals disagree (the label says which), so it shows no guess. For example a tool
    /// call that may be running or may wait for approval, with no process table to tell them apart.
    /// </summary>
    Unknown,

    /// <summary>
    /// An agent process runs, yet no transcript of it grows: the client writes none in this configuration (or not
    /// yet), so the monitor cannot see what it does.
    /// </summary>
    NotRecorded,
}
