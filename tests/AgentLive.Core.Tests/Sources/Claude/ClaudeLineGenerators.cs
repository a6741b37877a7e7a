using AgentLive.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;

namespace AgentLive.Tests.Sources.Claude;

/// <summary>Generated Claude Code lines: every line type and field the parser reads, plus unknown ones.</summary>
public static class ClaudeLineGenerators
{
    private static readonly Gen<JsonTree> Id = Gens.Text("msg_1", "msg_2", "toolu_1", "toolu_2", "req_1", "a380a489-9dba");
    private static readonly Gen<JsonTree> ToolName = Gens.Text("Bash", "Read", "Agent", "Task", "AskUserQuestion", "ExitPlanMode", "Grep", "mcp__x__y");
    private static readonly Gen<JsonTree> Model = Gens.Text("claude-opus-4-5", "<synthetic>", "claude-sonnet-4-5-20250929");

    private static readonly Gen<JsonTree> ToolInput = Gens.Members(
        ("description", Gens.Tricky),
        ("command", Gens.Tricky),
        ("file_path", Gens.Tricky),
        ("path", Gens.Tricky),
        ("pattern", Gens.Tricky),
        ("subagent_type", Gens.Text("general-purpose", "Explore")),
        ("questions", Gens.Items(Gens.Members(("question", Gens.Tricky), ("header", Gens.Tricky)), 2)),
        ("unrelated", Gens.Number));

    private static readonly Gen<JsonTree> Block = Gen.OneOf(
        Gens.Members(Gens.Member("type", Gens.Text("text")), ("text", Gens.Tricky)),
        Gens.Members(Gens.Member("type", Gens.Text("tool_use")), ("id", Id), ("name", ToolName), ("input", ToolInput)),
        Gens.Members(Gens.Member("type", Gens.Text("tool_result")), ("tool_use_id", Id), ("is_error", Gens.Bool), ("content", Gens.Tricky)),
        Gens.Members(Gens.Member("type", Gens.Text("thinking", "redacted_thinking")), ("thinking", Gens.Tricky), ("signature", Gens.Tricky)),
        Gens.Members(Gens.Member("type", Gens.Text("image", "server_tool_use")), ("source", Gens.Tricky)));

    private static readonly Gen<JsonTree> Usage = Gens.Members(
        ("input_tokens", Gens.Number),
        ("output_tokens", Gens.Number),
        ("cache_creation_input_tokens", Gens.Number),
        ("cache_read_input_tokens", Gens.Number),
        ("service_tier", Gens.Text("standard")),
        ("cache_creation", Gens.Members(("ephemeral_5m_input_tokens", Gens.Number))));

    private static readonly Gen<JsonTree> Message = Gens.Members(
        ("role", Gens.Text("user", "assistant")),
        ("id", Id),
        ("model", Model),
        ("stop_reason", Gen.OneOf(Gens.Text("end_turn", "tool_use", "stop_sequence", "max_tokens", "pause_turn"), Gen.Constant<JsonTree>(JsonLiteral.Null))),
        ("usage", Usage),
        ("content", Gen.OneOf(Gens.Tricky, Gens.Items(Block))));

    private static readonly Gen<JsonTree> ProgressData = Gens.Members(
        ("type", Gens.Text("agent_progress", "bash_progress", "hook_progress")),
        ("agentId", Id),
        ("message", Gens.Members(("message", Gens.Members(("content", Gens.Items(Block)))))));

    /// <summary>A conversation line: user or assistant, always with a message whose content has blocks.</summary>
    private static readonly Gen<JsonTree> ConversationLine = Gens.Members(
        from type in Gens.Text("user", "assistant")
        from message in Gens.Members(
            Gens.Member("content", Gens.Items(Block, 4)),
            ("role", Gens.Text("user", "assistant")),
            ("id", Id),
            ("model", Model),
            ("usage", Usage))
        select new[] { ("type", type), ("message", message) },
        ("timestamp", Gens.Timestamp),
        ("isSidechain", Gens.Bool),
        ("isMeta", Gens.Bool),
        ("requestId", Id),
        ("toolUseResult", Gens.Members(("agentId", Id), ("status", Gens.Text("completed", "async_launched")))));

    /// <summary>Any line: mostly conversation lines, otherwise a type and any subset of the fields the parser reads.</summary>
    public static Gen<JsonTree> Line { get; } = Gen.Frequency((2, ConversationLine), (1, AnyLine));

    /// <summary>A type and any subset of the fields the parser reads, plus noise.</summary>
    private static Gen<JsonTree> AnyLine => Gens.Members(
        Gens.Member("type", Gens.Text(
            "user", "assistant", "system", "progress", "attachment", "queue-operation", "custom-title", "ai-title", "summary",
            "last-prompt", "api-request", "cost-state", "mode", "atis-latch", "a-type-from-the-future")),
        ("subtype", Gens.Text("api_error", "turn_duration", "stop_hook_summary", "compact_boundary", "local_command")),
        ("timestamp", Gens.Timestamp),
        ("isSidechain", Gens.Bool),
        ("isMeta", Gens.Bool),
        ("isCompactSummary", Gens.Bool),
        ("isApiErrorMessage", Gens.Bool),
        ("isAbortedMidStream", Gens.Bool),
        ("sessionId", Id),
        ("cwd", Gens.Tricky),
        ("gitBranch", Gens.Text("main", "HEAD", "feature/x")),
        ("permissionMode", Gens.Text("default", "auto", "bypassPermissions")),
        ("requestId", Id),
        ("message", Message),
        ("toolUseResult", Gen.OneOf(Gens.Tricky, Gens.Members(("agentId", Id), ("status", Gens.Text("completed", "async_launched"))))),
        ("retryAttempt", Gens.Number),
        ("maxRetries", Gens.Number),
        ("apiErrorStatus", Gens.Number),
        ("error", Gen.OneOf(Gens.Text("server_error"), Gens.Members(("status", Gens.Number), ("message", Gens.Tricky)))),
        ("data", ProgressData),
        ("parentToolUseID", Id),
        ("attachment", Gens.Members(("type", Gens.Text("queued_command", "environment")), ("prompt", Gens.Tricky))),
        ("operation", Gens.Text("enqueue", "dequeue")),
        ("customTitle", Gens.Tricky),
        ("aiTitle", Gens.Tricky),
        ("summary", Gens.Tricky),
        ("lastPrompt", Gens.Tricky),
        ("params", Gens.Members(("model", Model), ("max_tokens", Gens.Number))),
        ("querySource", Gens.Text("sdk", "repl_main_thread", "agent:builtin")),
        ("totalCostUSD", Gens.Number),
        ("unknownField", Gen.OneOf(Gens.Tricky, Gens.Items(Gens.Number))));

    public static Arbitrary<JsonTree> Lines() => Line.ToArbitrary();
}
