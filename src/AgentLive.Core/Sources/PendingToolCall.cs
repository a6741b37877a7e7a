namespace AgentLive.Sources;

/// <summary>The latest pending tool call of a turn, as its source reads it.</summary>
/// <param name="Activity">The tool and what it acts on.</param>
/// <param name="Kind">What the call waits on.</param>
/// <param name="Question">For a call that asks the user, the question when the source knows it.</param>
internal readonly record struct PendingToolCall(AgentActivity Activity, PendingToolKind Kind, string? Question);
