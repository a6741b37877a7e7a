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

    /// <summary>The agent shows the user something to answer, and the report does not say what (see the specific values below).</summary>
    WaitingForUser,

    /// <summary>The agent's turn is over while a command it started (in the background, or one it is stopping) still runs.</summary>
    RunningCommand,

    /// <summary>The agent shows the user a question to answer.</summary>
    WaitingForAnswer,

    /// <summary>The agent shows the user a permission dialog: a tool call to allow, or a plan to approve.</summary>
    WaitingForPermission,
}
