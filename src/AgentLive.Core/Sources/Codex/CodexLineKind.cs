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

    /// <summary>Known lines with nothing for state: <c>world_state</c>, <c>token_usage_record</c>, <c>record_type</c> markers, ….</summary>
    Bookkeeping,
}
