namespace AgentLive.Sources.Claude;

/// <summary>The top-level <c>type</c> of a Claude Code transcript line, for the types that matter to state.</summary>
internal enum ClaudeLineKind
{
    /// <summary>A type this parser does not know (new ones appear regularly): skipped and counted.</summary>
    Unknown = 0,

    User,
    Assistant,
    System,
    Progress,
    Attachment,
    QueueOperation,
    CustomTitle,
    AiTitle,
    Summary,
    LastPrompt,

    /// <summary>A model call was sent (2.1.328: one per attempt, retries included).</summary>
    ApiRequest,

    /// <summary>Cumulative cost, written only when the process ends (print run done, interactive <c>/exit</c>).</summary>
    CostState,

    /// <summary>A known type with nothing for state: <c>mode</c>, <c>atis-latch</c>, <c>file-history-snapshot</c>, ….</summary>
    Bookkeeping,
}
