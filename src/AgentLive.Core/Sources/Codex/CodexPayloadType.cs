namespace AgentLive.Sources.Codex;

/// <summary><c>payload.type</c> of a response item or event (or the <c>type</c> of a pre-envelope item).</summary>
internal enum CodexPayloadType
{
    Other = 0,

    // response items
    Message,
    Reasoning,
    FunctionCall,
    CustomToolCall,
    LocalShellCall,
    FunctionCallOutput,
    CustomToolCallOutput,

    // events
    TaskStarted,
    TaskComplete,
    TurnAborted,
    TokenCount,
    ItemCompleted,
    UserMessage,
    AgentMessage,
    ExecCommandBegin,
    ExecCommandEnd,
    Error,
}
