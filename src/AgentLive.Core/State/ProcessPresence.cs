namespace AgentLive.State;

/// <summary>What the process table says about a session's agent process.</summary>
internal enum ProcessPresence
{
    /// <summary>Nothing is known: process detection is off, or no process could be matched.</summary>
    Unknown = 0,

    /// <summary>The session's agent process is running.</summary>
    Alive,

    /// <summary>The session's agent process was seen and has exited.</summary>
    Gone,
}
