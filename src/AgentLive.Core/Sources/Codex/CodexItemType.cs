namespace AgentLive.Sources.Codex;

/// <summary><c>item.type</c> of an <c>item_completed</c> event (Codex 0.147 and later).</summary>
internal enum CodexItemType
{
    Other = 0,
    UserMessage,
    AgentMessage,
    CommandExecution,

    /// <summary>A sub-agent the thread spawned started or ended (<c>kind</c>), naming its thread (Codex 0.171).</summary>
    SubAgentActivity,

    /// <summary>A collaboration call (<c>wait</c>, …) ended; nothing for state beyond its function call's output.</summary>
    CollabAgentToolCall,
}
