namespace AgentLive.Sources.Claude;

/// <summary>A <c>tool_result</c> block.</summary>
/// <param name="ToolUseId">The call it answers.</param>
/// <param name="IsError">Whether the tool failed or the user rejected the call.</param>
internal readonly record struct ClaudeToolResult(string ToolUseId, bool IsError);
