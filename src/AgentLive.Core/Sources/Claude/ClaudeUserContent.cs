namespace AgentLive.Sources.Claude;

/// <summary>What a <c>user</c> line carries.</summary>
internal enum ClaudeUserContent
{
    /// <summary>Nothing recognisable.</summary>
    None = 0,

    /// <summary>A prompt the user typed (or an SDK caller sent): a new turn.</summary>
    Prompt,

    /// <summary>Text the client injected (slash command output, reminders, compaction summary, meta lines).</summary>
    Injected,

    /// <summary>
    /// A <c>&lt;task-notification&gt;</c>: a background agent or shell finished, and the client starts a turn by itself
    /// (<c>origin.kind: "task-notification"</c>); no person typed it.
    /// </summary>
    TaskNotification,

    /// <summary><c>[Request interrupted by user]</c> or <c>… for tool use]</c>.</summary>
    InterruptMarker,

    /// <summary>Tool results going back to the model.</summary>
    ToolResults,
}
