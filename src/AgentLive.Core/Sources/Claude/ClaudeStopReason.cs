namespace AgentLive.Sources.Claude;

/// <summary>An assistant message's <c>stop_reason</c>.</summary>
internal enum ClaudeStopReason
{
    /// <summary>Absent or <c>null</c> (a stream aborted midway, or an older client's intermediate block).</summary>
    None = 0,
    EndTurn,
    ToolUse,
    StopSequence,
    MaxTokens,

    /// <summary>Any other value the API may add.</summary>
    Other,
}
