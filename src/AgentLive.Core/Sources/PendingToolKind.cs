namespace AgentLive.Sources;

/// <summary>What a pending tool call waits on.</summary>
internal enum PendingToolKind
{
    /// <summary>The tool itself: it runs.</summary>
    Runs,

    /// <summary>The user's answer to a question the model asked through the tool.</summary>
    AsksUser,

    /// <summary>The user's review of a plan the model presented.</summary>
    PlanReview,
}
