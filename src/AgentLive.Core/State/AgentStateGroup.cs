namespace AgentLive.State;

/// <summary>Whether an agent needs the user, the question a glance at a dashboard answers.</summary>
public enum AgentStateGroup
{
    /// <summary>The agent is working on its own.</summary>
    Autonomous = 0,

    /// <summary>The agent waits for the user: a question, a permission, a finished task, an error, or an ended session.</summary>
    NeedsYou,
}
