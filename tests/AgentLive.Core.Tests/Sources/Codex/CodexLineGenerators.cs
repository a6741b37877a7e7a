using AgentLive.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;

namespace AgentLive.Tests.Sources.Codex;

/// <summary>Generated Codex rollout lines: every envelope and payload type the parser reads, old layouts, and noise.</summary>
public static class CodexLineGenerators
{
    private static readonly Gen<JsonTree> Id = Gens.Text("01a20af1-9deb-72a0-b082-b49752aa3a70", "call_1", "call_2", "msg_1");
    private static readonly Gen<JsonTree> Ordinal = Gen.Choose(0, 50).Select(n => (JsonTree)new JsonNumber(n));

    private static readonly Gen<JsonTree> Usage = Gens.Members(
        ("input_tokens", Gens.Number),
        ("cached_input_tokens", Gens.Number),
        ("cache_write_input_tokens", Gens.Number),
        ("output_tokens", Gens.Number),
        ("reasoning_output_tokens", Gens.Number),
        ("total_tokens", Gens.Number));

    private static readonly Gen<JsonTree> Text = Gen.OneOf(
        Gens.Tricky,
        Gens.Text("<environment_context>\n  <cwd>/p</cwd>", "# AGENTS.md instructions for /p", "<turn_aborted>x</turn_aborted>"));

    private static readonly Gen<JsonTree> Content = Gen.OneOf(
        Text,
        Gens.Items(Gens.Members(("type", Gens.Text("input_text", "output_text", "text", "Text")), ("text", Text), ("annotations", Gens.Items(Gens.Number, 1)))));

    private static readonly Gen<JsonTree> Command = Gen.OneOf(
        Gens.Items(Gens.Tricky, 3),
        Gens.Text("echo hi"),
        Gen.Constant<JsonTree>(new JsonArray([new JsonText("/bin/bash"), new JsonText("-lc"), new JsonText("sleep 15 && echo slept")])));

    private static readonly Gen<JsonTree> JsInput = Gens.Text(
        "const r = await tools.exec_command({cmd: \"echo hi\", yield_time_ms: 30000});",
        "await tools.exec_command({cmd: 'touch a && echo \\'x\\'', sandbox_permissions: \"require_escalated\", justification: \"ok?\"})",
        "*** Begin Patch\n*** Update File: src/app.cs\n@@\n-a\n+b\n*** End Patch",
        "no command here");

    private static readonly Gen<JsonTree> JsonArguments = Gens.Text(
        "{\"cmd\":\"echo hi\"}",
        "{\"command\":[\"bash\",\"-lc\",\"ls -la\"],\"sandbox_permissions\":\"require_escalated\"}",
        "{\"command\":\"git status\",\"with_escalated_permissions\":true}",
        "not json {",
        "{\"questions\":[{\"question\":\"Which?\"}]}");

    /// <summary>Every payload field the parser reads, offered to every payload: the payload type decides what counts.</summary>
    private static readonly Gen<JsonTree> Payload = Gens.Members(
        Gens.Member("type", Gens.Text(
            "message", "reasoning", "function_call", "custom_tool_call", "local_shell_call", "function_call_output",
            "custom_tool_call_output", "task_started", "turn_started", "task_complete", "turn_aborted", "token_count",
            "item_completed", "user_message", "agent_message", "exec_command_begin", "exec_command_end", "error",
            "thread_settings_applied", "additional_tools", "something_new")),
        ("id", Id),
        ("cwd", Gens.Tricky),
        ("git", Gens.Members(("branch", Gens.Text("main", "feature/x")), ("commit_hash", Gens.Text("800ff9")))),
        ("cli_version", Gens.Text("0.169.0")),
        ("originator", Gens.Text("codex_exec", "codex-tui")),
        ("source", Gen.OneOf(
            Gens.Text("exec", "vscode", "cli"),
            Gens.Members(("subagent", Gen.OneOf(
                Gens.Text("review"),
                Gens.Members(("thread_spawn", Gens.Members(("parent_thread_id", Id), ("depth", Gens.Number))))))))),
        ("forked_from_id", Id),
        ("thread_source", Gen.OneOf(Gens.Text("user", "subagent", "thread_title"), Gens.Members(("subagent", Gens.Text("x"))))),
        ("namespace", Gens.Text("collaboration", "functions")),
        ("thread_token_usage", Usage),
        ("last_agent_message", Gens.Text("Done.", "Done. Which one do you want?", "Ready?\n", "")),
        ("subagent_history_start_ordinal", Ordinal),
        ("model", Gens.Text("gpt-5", "gpt-6.1-sol")),
        ("approval_policy", Gen.OneOf(Gens.Text("never", "on-request"), Gens.Members(("granular", Gens.Members(("x", Gens.Bool)))))),
        ("role", Gens.Text("user", "assistant", "developer")),
        ("content", Content),
        ("call_id", Id),
        ("name", Gens.Text("exec", "exec_command", "shell", "apply_patch", "request_user_input")),
        ("input", JsInput),
        ("arguments", JsonArguments),
        ("output", Gens.Tricky),
        ("error", Gen.OneOf(Gens.Members(("message", Gens.Tricky), ("codex_error_info", Gens.Text("other"))), Gens.Tricky, Gen.Constant<JsonTree>(JsonLiteral.Null))),
        ("reason", Gens.Text("interrupted", "replaced")),
        ("item", Gens.Members(
            ("type", Gens.Text("UserMessage", "AgentMessage", "CommandExecution", "SubAgentActivity", "CollabAgentToolCall", "Plan")),
            ("id", Id),
            ("kind", Gens.Text("started", "completed")),
            ("agent_thread_id", Id),
            ("agent_path", Gens.Text("/root/sub_check")),
            ("content", Content),
            ("command", Command),
            ("exit_code", Gens.Number))),
        ("info", Gen.OneOf(
            Gens.Members(("total_token_usage", Usage), ("last_token_usage", Usage), ("model_context_window", Gens.Number)),
            Gen.Constant<JsonTree>(JsonLiteral.Null))),
        ("model_context_window", Gens.Number),
        ("message", Gens.Tricky),
        ("command", Command),
        ("turn_id", Id));

    private static readonly Gen<JsonTree> Envelope = Gens.Members(
        from type in Gens.Text("session_meta", "turn_context", "response_item", "event_msg", "compacted", "world_state", "token_usage_record", "future_kind")
        from payload in Payload
        select new[] { ("type", type), ("payload", payload) },
        ("timestamp", Gens.Timestamp),
        ("ordinal", Ordinal),
        ("metadata", Gens.Members(("history_sequence", Gens.Number))));

    /// <summary>Before the envelope: a bare header, record_type markers, bare response items.</summary>
    private static readonly Gen<JsonTree> Legacy = Gen.OneOf(
        Gens.Members(Gens.Member("id", Id), ("timestamp", Gens.Timestamp), ("instructions", Gens.Tricky), ("cwd", Gens.Tricky), ("git", Gens.Members(("branch", Gens.Text("main"))))),
        Gens.Members(Gens.Member("record_type", Gens.Text("state"))),
        Gens.Members(
            Gens.Member("type", Gens.Text("message", "function_call", "function_call_output", "reasoning")),
            ("role", Gens.Text("user", "assistant")),
            ("content", Content),
            ("call_id", Id),
            ("name", Gens.Text("shell")),
            ("arguments", JsonArguments)));

    public static Gen<JsonTree> Line { get; } = Gen.Frequency((4, Envelope), (1, Legacy));

    public static Arbitrary<JsonTree> Lines() => Line.ToArbitrary();
}
