namespace AgentLive;

/// <summary>What kind of thing in a transcript line its source did not know (see <see cref="FormatDriftDetected"/>).</summary>
public enum UnknownShapeKind
{
    /// <summary>A line whose type the source does not know: the whole line was skipped.</summary>
    LineType = 0,

    /// <summary>A top-level field of a known line type (Codex: of the envelope, or of the payload as <c>payload.&lt;name&gt;</c>).</summary>
    Field = 1,

    /// <summary>
    /// A word the source switches on that it does not know, named <c>&lt;where&gt;/&lt;word&gt;</c>: a Claude Code
    /// <c>system/…</c> subtype or <c>attachment/…</c> or <c>progress/…</c> type, a Codex <c>response_item/…</c> or
    /// <c>event_msg/…</c> payload type or <c>item/…</c> type.
    /// </summary>
    Value = 2,
}
