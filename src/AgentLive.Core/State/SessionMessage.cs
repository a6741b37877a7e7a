namespace AgentLive.State;

/// <summary>One entry of a session's conversation, as <c>GetMessagesAsync</c> reads it from the transcript.</summary>
/// <param name="Role"><c>user</c>, <c>assistant</c>, <c>tool_call</c>, <c>tool_result</c> or <c>system</c>.</param>
/// <param name="Text">The text: a prompt, an answer, a tool's input summary or output (long outputs are cut).</param>
/// <param name="Timestamp">When the entry was written, where the line says.</param>
/// <param name="ToolName">For tool calls and results: the tool.</param>
/// <param name="ToolCallId">For tool calls and results: the id linking them.</param>
/// <param name="IsError">For tool results: whether the call failed or was rejected.</param>
public sealed record SessionMessage(
    string Role,
    string Text,
    DateTimeOffset? Timestamp,
    string? ToolName = null,
    string? ToolCallId = null,
    bool IsError = false);
