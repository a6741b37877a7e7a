namespace AgentLive.Sources.Claude;

/// <summary>A <c>tool_use</c> block: the call's id and name, and a short summary of its input.</summary>
/// <param name="Id">The call id, matched by the <c>tool_use_id</c> of its result.</param>
/// <param name="Name">The tool, such as <c>Bash</c> or <c>Agent</c>.</param>
/// <param name="Summary">The input's most telling argument: a command's description, a file path, a pattern.</param>
/// <param name="AgentType">For <c>Task</c>/<c>Agent</c>: <c>input.subagent_type</c>.</param>
internal readonly record struct ClaudeToolUse(string Id, string Name, string? Summary, string? AgentType);
