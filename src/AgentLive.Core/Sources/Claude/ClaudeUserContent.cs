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

    /// <summary><c>[Request interrupted by user]</c> or <c>… for tool use]</c>.</summary>
    InterruptMarker,

    /// <summary>Tool results going back to the model.</summary>
    ToolResults,
}
