namespace AgentLive.Sources;

/// <summary>What a running agent reports about itself (<see cref="LiveStatusEntry.State"/>), in words common to every source.</summary>
public enum LiveReportState
{
    /// <summary>No report yet, or a word the source does not know.</summary>
    Unknown = 0,

    /// <summary>The agent works on a turn.</summary>
    Working,

    /// <summary>The agent waits for a prompt.</summary>
    Idle,

    /// <summary>The agent shows the user something to answer: a permission, a question, a plan.</summary>
    WaitingForUser,

    /// <summary>The agent runs a command of its own (a shell the user started, or one it is stopping).</summary>
    RunningCommand,
}
