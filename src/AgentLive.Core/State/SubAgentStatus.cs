namespace AgentLive;

/// <summary>Where a sub-agent is in its life. The JSON form is the snake_case name.</summary>
public enum SubAgentStatus
{
    /// <summary>It works, and the parent waits for it.</summary>
    Running = 0,

    /// <summary>It was started in the background and has not reported back (the parent's turn may be over).</summary>
    Launched,

    /// <summary>It finished and reported back.</summary>
    Completed,

    /// <summary>It failed or was rejected.</summary>
    Failed,

    /// <summary>It ended in a way the transcript names with a word this version does not know.</summary>
    Other,
}
