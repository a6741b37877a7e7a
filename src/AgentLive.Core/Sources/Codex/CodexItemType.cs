namespace AgentLive.Sources.Codex;

/// <summary><c>item.type</c> of an <c>item_completed</c> event (Codex 0.147 and later).</summary>
internal enum CodexItemType
{
    Other = 0,
    UserMessage,
    AgentMessage,
    CommandExecution,
}
