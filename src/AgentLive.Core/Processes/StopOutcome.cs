namespace AgentLive;

/// <summary>How a request to stop a session's agent ended.</summary>
public enum StopOutcome
{
    /// <summary>The agent exited after the polite signal (SIGTERM).</summary>
    Stopped = 0,

    /// <summary>The agent ignored the polite signal and was killed (SIGKILL), as the options allowed.</summary>
    Killed,

    /// <summary>The agent is still running after the wait (and killing was not allowed, or failed).</summary>
    StillRunning,

    /// <summary>The session has no live agent process.</summary>
    NoProcess,

    /// <summary>No session has that id.</summary>
    UnknownSession,

    /// <summary>
    /// Nothing was signalled: the process is no longer the one that was matched (its pid was reused), is not this
    /// source's agent, belongs to another user, or is the monitor itself or pid 1.
    /// </summary>
    Refused,
}
