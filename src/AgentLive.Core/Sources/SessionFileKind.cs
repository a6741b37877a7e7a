namespace AgentLive.Sources;

/// <summary>What a transcript file is to its source.</summary>
public enum SessionFileKind
{
    /// <summary>A session's own transcript.</summary>
    Main = 0,

    /// <summary>The transcript of a sub-agent, belonging to a parent session.</summary>
    SubAgent,
}
