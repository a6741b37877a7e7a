namespace AgentLive;

/// <summary>Who wrote an entry of a conversation. The JSON form is the snake_case name (<c>tool_call</c>, …).</summary>
public enum MessageRole
{
    /// <summary>The person: a prompt, or an answer to the agent's question.</summary>
    User = 0,

    /// <summary>The model's text.</summary>
    Assistant,

    /// <summary>A tool call the model made.</summary>
    ToolCall,

    /// <summary>What a tool call returned.</summary>
    ToolResult,

    /// <summary>The client's own notes: errors, interrupts, compaction markers.</summary>
    System,
}
