using AgentLive.Parsing;

namespace AgentLive.Sources.Codex;

/// <summary>
/// The names Codex writes that the parser knows, besides those it reads: anything else is reported as format drift.
/// Taken from the rollouts real clients wrote (0.169.0 and 0.171.0) and from the documented shapes of earlier
/// versions; a new client version that writes something else shows up as a <see cref="FormatDriftDetected"/>, and
/// the name belongs here once its meaning is known.
/// </summary>
internal static class CodexShapes
{
    /// <summary>Fields of a payload, whatever its type (and of a pre-envelope line, whose item fields are at the top).</summary>
    private static readonly string[] Payload =
    [
        "account_scoped", "agent_nickname", "agent_path", "approvals_reviewer", "author", "base_instructions",
        "collaboration_mode", "collaboration_mode_kind", "comp_hash", "completed_at", "completed_at_ms",
        "context_window", "disabled_plugin_ids", "duration_ms", "effort", "file_system_sandbox_policy", "full",
        "history_mode", "internal_chat_message_metadata_passthrough", "last_agent_message", "model_provider",
        "multi_agent_version", "namespace", "originator", "output", "permission_profile", "rate_limits",
        "realtime_active", "recipient", "response_id", "root_turn_id", "runtime_workspace_roots", "sandbox_policy",
        "session_id", "started_at", "started_at_ms", "state", "status", "summary", "thread_id", "thread_settings",
        "thread_source", "thread_token_usage", "time_to_first_token_ms", "timestamp", "tools", "trigger_turn",
        "turn_attribution", "turn_id", "turn_token_usage", "usage",

        // Documented for other versions: older session_meta and turn_context fields, and older events' fields.
        "action", "agent_role", "agent_type", "aggregated_output", "changes", "current_date", "developer_instructions",
        "duration", "dynamic_tools", "encrypted_content", "exit_code", "final_output_json_schema", "history_base",
        "images", "instructions", "kind", "local_images", "memory_citation", "memory_mode", "network", "parsed_cmd",
        "personality", "phase", "replacement_history", "stderr", "stdout", "success", "text_elements", "thread_name",
        "timezone", "trace_id", "truncation_policy", "user_instructions",
    ];

    /// <summary>Fields of a payload.</summary>
    public static readonly Utf8NameSet PayloadFields = new(Payload);

    /// <summary>Fields of a line: the envelope's, and those of a pre-envelope header or item.</summary>
    public static readonly Utf8NameSet TopLevelFields = new(["metadata", "ordinal", "payload", "instructions", .. Payload]);

    /// <summary>The <c>payload.type</c> words of <c>response_item</c> lines.</summary>
    public static readonly Utf8NameSet ResponseItemTypes = new(
    [
        "additional_tools", "agent_message", "compaction", "context_compaction", "custom_tool_call",
        "custom_tool_call_output", "function_call", "function_call_output", "ghost_snapshot", "image_generation_call",
        "local_shell_call", "local_shell_call_output", "message", "reasoning", "tool_search_call", "tool_search_output",
        "web_search_call",
    ]);

    /// <summary>The <c>payload.type</c> words of <c>event_msg</c> lines.</summary>
    public static readonly Utf8NameSet EventTypes = new(
    [
        "agent_message", "agent_reasoning", "agent_reasoning_raw_content", "context_compacted",
        "dynamic_tool_call_request", "dynamic_tool_call_response", "entered_review_mode", "error", "exec_command_begin",
        "exec_command_end", "exited_review_mode", "guardian_assessment", "image_generation_end", "item_completed",
        "mcp_tool_call_end", "patch_apply_end", "task_complete", "task_started", "thread_goal_updated",
        "thread_name_updated", "thread_rolled_back", "thread_settings_applied", "token_count", "turn_aborted",
        "turn_complete", "turn_started", "undo_completed", "user_message", "view_image_tool_call", "web_search_end",
    ]);

    /// <summary>The <c>item.type</c> words of <c>item_completed</c> events.</summary>
    public static readonly Utf8NameSet ItemTypes = new(
    [
        "AgentMessage", "CollabAgentToolCall", "CommandExecution", "ContextCompaction", "DynamicToolCall", "Extension",
        "FileChange", "FunctionCallOutput", "McpToolCall", "Plan", "Reasoning", "SubAgentActivity", "UserMessage",
        "WebSearch",
    ]);
}
