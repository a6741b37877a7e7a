namespace AgentLive.Sources.Codex;

/// <summary>The envelope <c>type</c> of a Codex rollout line (or what an older line without an envelope amounts to).</summary>
internal enum CodexLineKind
{
    /// <summary>A type this parser does not know: skipped and counted.</summary>
    Unknown = 0,

    SessionMeta,
    TurnContext,
    ResponseItem,
    EventMsg,
    Compacted,

    /// <summary><c>token_usage_record</c> (Codex 0.171): the thread's usage as each response is billed, before its <c>token_count</c>.</summary>
    TokenUsageRecord,

    /// <summary>Known lines with nothing for state: <c>world_state</c>, <c>record_type</c> markers, ….</summary>
    Bookkeeping,
}
