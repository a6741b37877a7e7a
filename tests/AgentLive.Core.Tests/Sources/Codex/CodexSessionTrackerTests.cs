using System.Text;
using AgentLive.Sources;
using AgentLive.Sources.Codex;
using AgentLive.State;

namespace AgentLive.Tests.Sources.Codex;

public sealed class CodexSessionTrackerTests
{
    private readonly CodexSessionTracker _tracker = new(
        new SessionFile("/h/sessions/2026/11/24/rollout-2026-11-24T00-25-36-01a20af1-9deb-72a0-b082-b49752aa3a70.jsonl", SessionFileKind.Main, "01a20af1-9deb-72a0-b082-b49752aa3a70"),
        Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);


    private void Feed(params string[] lines)
    {
        foreach (string line in lines)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(line);
            _tracker.OnLine(bytes);
        }
    }

    private static string Event(string payload, int ordinal = 1) =>
        $$"""{"timestamp":"2026-11-24T10:00:0{{ordinal % 10}}Z","ordinal":{{ordinal}},"type":"event_msg","payload":{{payload}}}""";

    private static string Item(string payload, int ordinal = 1) =>
        $$"""{"timestamp":"2026-11-24T10:00:0{{ordinal % 10}}Z","ordinal":{{ordinal}},"type":"response_item","payload":{{payload}}}""";

    private const string Meta = """{"timestamp":"2026-11-24T10:00:00Z","ordinal":0,"type":"session_meta","payload":{"id":"t1","cwd":"/p","git":{"branch":"main"},"source":"exec"}}""";

    private static string Tokens(int input, int cached, int output) =>
        Event($$$"""{"type":"token_count","info":{"total_token_usage":{"input_tokens":{{{input}}},"cached_input_tokens":{{{cached}}},"output_tokens":{{{output}}},"reasoning_output_tokens":0},"last_token_usage":{"input_tokens":{{{input}}},"cached_input_tokens":0,"output_tokens":1},"model_context_window":1000}}""", 5);

    private AgentState State => _tracker.GetFacts().TranscriptState;

    [Fact]
    public void Tokens_are_the_latest_cumulative_total_never_a_sum()
    {
        Feed(Meta, Tokens(100, 40, 10), Tokens(300, 200, 25));

        Assert.Equal(new TokenUsage(100, 25, 200, 0, 0), _tracker.GetFacts().Tokens);
        Assert.Equal(300, _tracker.GetFacts().ContextWindowTokens);
        Assert.Equal(1000, _tracker.GetFacts().ContextWindowSize);
    }

    [Fact]
    public void A_token_count_without_info_after_a_failed_stream_changes_nothing()
    {
        Feed(Meta, Tokens(100, 40, 10), Event("""{"type":"token_count","info":null}"""));

        Assert.Equal(new TokenUsage(60, 10, 40, 0, 0), _tracker.GetFacts().Tokens);
    }

    [Fact]
    public void A_sub_agent_rollout_does_not_count_the_parent_history_it_copied()
    {
        Feed(
            """{"timestamp":"2026-11-24T10:00:00Z","ordinal":0,"type":"session_meta","payload":{"id":"child","source":{"subagent":{"thread_spawn":{"parent_thread_id":"parent","depth":1}}},"subagent_history_start_ordinal":3}}""",
            """{"timestamp":"2026-11-24T10:00:00Z","ordinal":1,"type":"session_meta","payload":{"id":"parent"}}""",
            Event("""{"type":"token_count","info":{"total_token_usage":{"input_tokens":1000,"cached_input_tokens":0,"output_tokens":100}}}""", 2),
            Event("""{"type":"task_started"}""", 3),
            Event("""{"type":"token_count","info":{"total_token_usage":{"input_tokens":1500,"cached_input_tokens":0,"output_tokens":130}}}""", 4));

        SessionFacts facts = _tracker.GetFacts();
        Assert.Equal("child", facts.SourceSessionId);
        Assert.Equal("parent", facts.ParentSessionId);
        Assert.Equal(new TokenUsage(500, 30, 0, 0, 0), facts.Tokens);
    }

    [Fact]
    public void A_turn_runs_from_task_started_through_tool_calls_to_task_complete()
    {
        Feed(Meta, Event("""{"type":"task_started","model_context_window":258400}"""));
        Assert.Equal(AgentStateKind.Thinking, State.Kind);

        Feed(Item("""{"type":"function_call","name":"exec_command","call_id":"c1","arguments":"{\"cmd\":\"npm test\"}"}""", 2));
        Assert.Equal(AgentStateKind.ToolRunning, State.Kind);
        Assert.Equal(new AgentActivity { Tool = "exec_command", Target = "npm test" }, _tracker.GetFacts().Activity);

        Feed(Item("""{"type":"function_call_output","call_id":"c1","output":"ok"}""", 3));
        Assert.Equal(AgentStateKind.Thinking, State.Kind);

        Feed(Event("""{"type":"task_complete","last_agent_message":"done"}""", 4));
        Assert.Equal(AgentStateKind.TaskComplete, State.Kind);
    }

    [Fact]
    public void A_pending_user_input_request_waits_for_the_user()
    {
        Feed(Meta, Event("""{"type":"task_started"}"""), Item("""{"type":"function_call","name":"request_user_input","call_id":"q1","arguments":"{}"}""", 2));

        Assert.Equal(AgentStateKind.AwaitingInput, State.Kind);
    }

    [Fact]
    public void Prompts_come_from_user_message_items_and_injected_context_is_not_a_prompt()
    {
        Feed(
            Meta,
            Item("""{"type":"message","role":"user","content":[{"type":"input_text","text":"<environment_context>\n<cwd>/p</cwd>"}]}""", 1),
            Item("""{"type":"message","role":"user","content":[{"type":"input_text","text":"Fix it"}]}""", 2),
            Event("""{"type":"item_completed","item":{"type":"UserMessage","content":[{"type":"text","text":"Fix it"}]}}""", 3));

        SessionFacts facts = _tracker.GetFacts();
        Assert.Equal(1, facts.TurnCount);
        Assert.Equal("Fix it", facts.Title);
    }

    [Fact]
    public void Builds_that_write_both_a_user_message_event_and_the_item_count_the_prompt_once()
    {
        Feed(
            Meta,
            Event("""{"type":"user_message","message":"Fix it"}""", 1),
            Event("""{"type":"item_completed","item":{"type":"UserMessage","content":[{"type":"text","text":"Fix it"}]}}""", 2),
            Event("""{"type":"task_complete"}""", 3),
            Event("""{"type":"item_completed","item":{"type":"UserMessage","content":[{"type":"text","text":"Next"}]}}""", 4));

        Assert.Equal(2, _tracker.GetFacts().TurnCount);
        Assert.Equal("Next", _tracker.GetFacts().LastUserMessage);
    }

    [Fact]
    public void The_first_prompt_replayed_after_an_interrupt_is_not_a_new_turn()
    {
        string prompt = """{"type":"item_completed","item":{"type":"UserMessage","content":[{"type":"text","text":"Start"}]}}""";
        Feed(Meta, Event(prompt, 1), Event("""{"type":"turn_aborted","reason":"interrupted"}""", 2), Event(prompt, 3));

        Assert.Equal(1, _tracker.GetFacts().TurnCount);
    }

    [Fact]
    public void Pre_envelope_rollouts_parse_from_their_bare_header_and_items()
    {
        Feed(
            """{"id":"old-1","timestamp":"2025-06-01T10:00:00Z","instructions":"be nice","cwd":"/old","git":{"branch":"dev"}}""",
            """{"record_type":"state"}""",
            """{"type":"message","role":"user","content":[{"type":"input_text","text":"Hello"}]}""",
            """{"type":"function_call","name":"shell","call_id":"c1","arguments":"{\"command\":[\"bash\",\"-lc\",\"ls\"]}"}""");

        SessionFacts facts = _tracker.GetFacts();
        Assert.Equal("old-1", facts.SourceSessionId);
        Assert.Equal("/old", facts.ProjectPath);
        Assert.Equal("dev", facts.GitBranch);
        Assert.Equal(1, facts.TurnCount);
        Assert.Equal(AgentStateKind.ToolRunning, facts.TranscriptState.Kind);
        Assert.Equal("ls", facts.Activity?.Target);
        Assert.Equal(0, _tracker.UnknownLines);
    }

    [Fact]
    public void Envelope_files_without_task_events_end_a_turn_at_the_answer_and_its_token_count()
    {
        Feed(
            Meta,
            Event("""{"type":"user_message","message":"Hi"}""", 1),
            Item("""{"type":"message","role":"assistant","content":[{"type":"output_text","text":"Hello"}]}""", 2),
            Tokens(10, 0, 2));

        Assert.Equal(AgentStateKind.TaskComplete, State.Kind);
    }

    [Fact]
    public void An_error_event_of_older_builds_is_an_error()
    {
        Feed(Meta, Event("""{"type":"user_message","message":"Hi"}""", 1), Event("""{"type":"error","message":"stream disconnected"}""", 2));

        Assert.Equal(AgentStateKind.Error, State.Kind);
        Assert.Equal("Error: stream disconnected", State.Label);
    }

    [Fact]
    public void The_model_and_approval_policy_follow_the_latest_turn_context()
    {
        Feed(
            Meta,
            """{"timestamp":"2026-11-24T10:00:01Z","type":"turn_context","payload":{"model":"gpt-5","cwd":"/p","approval_policy":"never"}}""",
            """{"timestamp":"2026-11-24T10:00:02Z","type":"turn_context","payload":{"model":"gpt-5-codex","cwd":"/q","approval_policy":"on-request"}}""");

        Assert.Equal("gpt-5-codex", _tracker.GetFacts().Model);
        Assert.Equal("/q", _tracker.GetFacts().ProjectPath);
    }

    [Fact]
    public void An_unanswered_escalation_is_an_approval_wait_only_under_an_asking_policy_and_after_a_quiet()
    {
        Feed(
            Meta,
            """{"timestamp":"2026-11-24T10:00:01Z","type":"turn_context","payload":{"model":"gpt-5","approval_policy":"on-request"}}""",
            Event("""{"type":"task_started"}""", 2),
            Item("""{"type":"custom_tool_call","name":"exec","call_id":"c1","input":"await tools.exec_command({cmd: \"rm -rf build\", sandbox_permissions: \"require_escalated\"})"}""", 3));
        DateTimeOffset last = _tracker.GetFacts().LastActivityAt!.Value;

        Assert.Equal(AgentStateKind.ToolRunning, _tracker.Evaluate(new SessionContext(last.AddSeconds(1), ProcessPresence.Alive)).Kind);
        AgentState waiting = _tracker.Evaluate(new SessionContext(last.AddSeconds(3), ProcessPresence.Alive));
        Assert.Equal(AgentStateKind.AwaitingPermission, waiting.Kind);
        Assert.Equal("Waiting for approval: rm -rf build", waiting.Label);

        Feed("""{"timestamp":"2026-11-24T10:00:04Z","type":"turn_context","payload":{"approval_policy":"never"}}""");
        Assert.Equal(AgentStateKind.ToolRunning, _tracker.Evaluate(new SessionContext(last.AddSeconds(30), ProcessPresence.Alive)).Kind);
    }

    [Fact]
    public void A_patch_shows_the_file_it_edits()
    {
        Feed(Meta, Event("""{"type":"task_started"}"""), Item("""{"type":"custom_tool_call","name":"apply_patch","call_id":"p1","input":"*** Begin Patch\n*** Update File: src/app.cs\n@@"}""", 2));

        Assert.Equal("apply_patch: src/app.cs", _tracker.GetFacts().Activity?.Display);
    }
}
