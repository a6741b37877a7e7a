using System.Text;
using AgentLive.Sources;
using AgentLive.Sources.Claude;
using AgentLive.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace AgentLive.Tests.Sources.Claude;

public sealed class ClaudeSessionTrackerTests : IDisposable
{
    private readonly ListLoggerFactory _logs = new();
    private readonly ClaudeSessionTracker _tracker;

    public ClaudeSessionTrackerTests() =>
        _tracker = new ClaudeSessionTracker(new SessionFile("/p/projects/-p/s1.jsonl", SessionFileKind.Main, "s1"), _logs.CreateLogger("test"));

    public void Dispose() => _logs.Dispose();

    private const string Prompt = """{"type":"user","message":{"role":"user","content":"Fix the bug"},"timestamp":"2026-11-24T10:00:00Z","sessionId":"s1","cwd":"/p","gitBranch":"main"}""";

    private static string ToolUse(string id, string name, string input, string messageId = "msg_1") =>
        $$$"""{"type":"assistant","message":{"id":"{{{messageId}}}","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"tool_use","id":"{{{id}}}","name":"{{{name}}}","input":{{{input}}}}],"stop_reason":"tool_use","usage":{"input_tokens":10,"output_tokens":5,"cache_read_input_tokens":100,"cache_creation_input_tokens":20}},"requestId":"req_1","timestamp":"2026-11-24T10:00:01Z"}""";

    private static string ToolResult(string id, bool isError = false) =>
        $$"""{"type":"user","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"{{id}}","content":"ok","is_error":{{(isError ? "true" : "false")}}}]},"timestamp":"2026-11-24T10:00:02Z"}""";

    private const string EndTurn = """{"type":"assistant","message":{"id":"msg_2","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"Done."}],"stop_reason":"end_turn","usage":{"input_tokens":1,"output_tokens":2,"cache_read_input_tokens":3,"cache_creation_input_tokens":4}},"requestId":"req_2","timestamp":"2026-11-24T10:00:03Z"}""";

    private void Feed(params string[] lines)
    {
        foreach (string line in lines)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(line);
            _tracker.OnLine(bytes);
        }
    }

    private AgentState State => _tracker.GetFacts().TranscriptState;

    [Fact]
    public void A_prompt_starts_a_turn_and_a_model_call()
    {
        Feed(Prompt);

        SessionFacts facts = _tracker.GetFacts();
        Assert.Equal(AgentStateKind.Thinking, facts.TranscriptState.Kind);
        Assert.Equal(1, facts.TurnCount);
        Assert.Equal("Fix the bug", facts.LastUserMessage);
        Assert.Equal("Fix the bug", facts.Title);
        Assert.Equal("/p", facts.ProjectPath);
        Assert.Equal("main", facts.GitBranch);
    }

    [Fact]
    public void A_pending_shell_call_shows_the_command_that_runs_with_its_description_as_extra()
    {
        Feed(Prompt, ToolUse("toolu_1", "Bash", """{"command":"npm test","description":"Run the tests"}"""));

        Assert.Equal(AgentStateKind.ToolRunning, State.Kind);
        Assert.Equal("Running Bash: npm test", State.Label);
        Assert.Equal(new AgentActivity { Tool = "Bash", Target = "npm test", Description = "Run the tests" }, _tracker.GetFacts().Activity);
    }

    [Fact]
    public void A_tool_result_sends_the_turn_back_to_the_model_and_end_turn_completes_it()
    {
        Feed(Prompt, ToolUse("toolu_1", "Read", """{"file_path":"/p/a.cs"}"""), ToolResult("toolu_1"));
        Assert.Equal(AgentStateKind.Thinking, State.Kind);

        Feed(EndTurn);
        Assert.Equal(AgentStateKind.TaskComplete, State.Kind);
        Assert.Null(_tracker.GetFacts().Activity);
    }

    [Fact]
    public void A_pending_question_waits_for_the_user()
    {
        Feed(Prompt, ToolUse("toolu_q", "AskUserQuestion", """{"questions":[{"question":"Which database?","options":[]}]}"""));

        Assert.Equal(AgentStateKind.AwaitingInput, State.Kind);
        Assert.Equal("Asking: Which database?", State.Label);
        Assert.Equal(SessionStatus.NeedsYou, State.Status);
    }

    [Fact]
    public void A_pending_plan_waits_for_review()
    {
        Feed(Prompt, ToolUse("toolu_p", "ExitPlanMode", """{"plan":"1. do it"}"""));

        Assert.Equal(AgentStateKind.PlanReview, State.Kind);
    }

    [Fact]
    public void The_interrupt_marker_interrupts_the_turn()
    {
        Feed(
            Prompt,
            ToolUse("toolu_1", "Bash", """{"command":"sleep 60"}"""),
            ToolResult("toolu_1", isError: true),
            """{"type":"user","message":{"role":"user","content":[{"type":"text","text":"[Request interrupted by user for tool use]"}]},"timestamp":"2026-11-24T10:00:05Z"}""");

        Assert.Equal(AgentStateKind.Interrupted, State.Kind);
        Assert.Equal(1, _tracker.GetFacts().TurnCount);
    }

    [Fact]
    public void A_stream_aborted_midway_is_interrupted()
    {
        Feed(Prompt, """{"type":"assistant","isAbortedMidStream":true,"message":{"id":"msg_9","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"Par"}],"stop_reason":null,"usage":{"input_tokens":5,"output_tokens":1}},"timestamp":"2026-11-24T10:00:02Z"}""");

        Assert.Equal(AgentStateKind.Interrupted, State.Kind);
    }

    [Fact]
    public void Retries_keep_working_and_say_so_and_a_synthetic_error_ends_the_turn_without_tokens()
    {
        Feed(Prompt, """{"type":"system","subtype":"api_error","error":{"status":529},"retryAttempt":1,"maxRetries":10,"timestamp":"2026-11-24T10:00:02Z"}""");
        Assert.Equal(AgentStateKind.Thinking, State.Kind);
        Assert.Equal("Retrying after error 529 (attempt 1 of 10)", State.Label);

        Feed("""{"type":"assistant","isApiErrorMessage":true,"apiErrorStatus":529,"error":"server_error","message":{"id":"0b7d","role":"assistant","model":"<synthetic>","content":[{"type":"text","text":"API Error"}],"stop_reason":"stop_sequence","usage":{"input_tokens":0,"output_tokens":0}},"timestamp":"2026-11-24T10:00:09Z"}""");
        Assert.Equal(AgentStateKind.Error, State.Kind);
        Assert.Equal("Error 529", State.Label);
        Assert.Equal(0, _tracker.GetFacts().Tokens.Total);
        Assert.Null(_tracker.GetFacts().Model);
    }

    [Fact]
    public void Each_response_is_counted_once_and_a_sidechain_replay_never_adds()
    {
        string text = """{"type":"assistant","message":{"id":"msg_1","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"I'll run it"}],"stop_reason":"tool_use","usage":{"input_tokens":10,"output_tokens":5,"cache_read_input_tokens":100,"cache_creation_input_tokens":20}},"requestId":"req_1"}""";
        string replay = text.Replace("\"req_1\"", "\"req_side\"", StringComparison.Ordinal).Replace("{\"type\":\"assistant\",", "{\"type\":\"assistant\",\"isSidechain\":true,", StringComparison.Ordinal);

        Feed(Prompt, text, ToolUse("toolu_1", "Bash", "{}"), replay);

        Assert.Equal(new TokenUsage(10, 5, 100, 20, 0), _tracker.GetFacts().Tokens);
        Assert.Equal(130, _tracker.GetFacts().ContextWindowTokens);
    }

    [Fact]
    public void A_larger_usage_for_the_same_response_replaces_the_smaller()
    {
        Feed(
            ToolUse("toolu_1", "Bash", "{}"),
            ToolUse("toolu_2", "Bash", "{}").Replace("\"output_tokens\":5", "\"output_tokens\":50", StringComparison.Ordinal));

        Assert.Equal(50, _tracker.GetFacts().Tokens.Output);
    }

    [Fact]
    public void Cost_comes_from_the_price_list_and_is_null_for_an_unknown_model()
    {
        Feed(Prompt, EndTurn);
        Assert.Equal(((1m * 3) + (2m * 15) + (3m * 0.3m) + (4m * 3.75m)) / 1_000_000m, _tracker.GetFacts().CostUsd);

        Feed(EndTurn.Replace("msg_2", "msg_3", StringComparison.Ordinal).Replace("claude-sonnet-4-5", "claude-from-the-future", StringComparison.Ordinal));
        Assert.Null(_tracker.GetFacts().CostUsd);
    }

    [Fact]
    public void A_custom_title_beats_a_generated_one_which_beats_the_first_prompt()
    {
        Feed(Prompt);
        Feed("""{"type":"ai-title","aiTitle":"Bug fixing","sessionId":"s1"}""");
        Assert.Equal("Bug fixing", _tracker.GetFacts().Title);

        Feed("""{"type":"custom-title","customTitle":"My title","sessionId":"s1"}""", """{"type":"ai-title","aiTitle":"Later AI title","sessionId":"s1"}""");
        Assert.Equal("My title", _tracker.GetFacts().Title);
    }

    [Fact]
    public void Injected_user_text_is_not_a_prompt()
    {
        Feed(
            """{"type":"user","message":{"role":"user","content":"<command-name>/mcp</command-name>"}}""",
            """{"type":"user","isMeta":true,"message":{"role":"user","content":"Caveat: hidden"}}""");

        Assert.Equal(0, _tracker.GetFacts().TurnCount);
        Assert.Null(_tracker.GetFacts().LastUserMessage);
    }

    [Fact]
    public void Outside_a_git_repository_the_branch_is_null()
    {
        Feed(Prompt.Replace("\"main\"", "\"HEAD\"", StringComparison.Ordinal));

        Assert.Null(_tracker.GetFacts().GitBranch);
    }

    [Fact]
    public void A_sub_agent_is_tracked_from_spawn_through_progress_to_its_result()
    {
        Feed(Prompt, ToolUse("toolu_a", "Agent", """{"description":"Find the bug","subagent_type":"Explore","prompt":"..."}"""));
        Feed("""{"type":"progress","parentToolUseID":"toolu_a","data":{"type":"agent_progress","agentId":"ab12","message":{"message":{"content":[{"type":"tool_use","name":"Grep","id":"t9","input":{}}]}}},"timestamp":"2026-11-24T10:00:04Z"}""");

        SubAgentInfo running = Assert.Single(_tracker.GetFacts().SubAgents);
        Assert.True(running.IsRunning);
        Assert.Equal("ab12", running.AgentId);
        Assert.Equal("Explore", running.AgentType);
        Assert.Equal("Find the bug", running.Description);
        Assert.Equal(SubAgentStatus.Running, running.Status);
        Assert.Equal(new AgentActivity { Tool = "Grep" }, running.Activity);

        // The parent waits for its sub-agent: it delegates, and the sub-agent's current call is its activity.
        Assert.Equal(AgentStateKind.Delegating, State.Kind);
        Assert.Equal("Delegating: Find the bug", State.Label);
        Assert.Equal(new AgentActivity { Tool = "Grep" }, _tracker.GetFacts().Activity);

        Feed("""{"type":"user","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_a","content":"found"}]},"toolUseResult":{"agentId":"ab12","status":"completed"},"timestamp":"2026-11-24T10:00:09Z"}""");
        SubAgentInfo done = Assert.Single(_tracker.GetFacts().SubAgents);
        Assert.False(done.IsRunning);
        Assert.Equal(SubAgentStatus.Completed, done.Status);
        Assert.Null(done.Activity);
    }

    [Fact]
    public void A_queued_command_keeps_the_agent_working()
    {
        Feed(Prompt, EndTurn, """{"type":"attachment","attachment":{"type":"queued_command","prompt":"and the docs too"},"timestamp":"2026-11-24T10:00:05Z"}""");

        Assert.Equal(AgentStateKind.Thinking, State.Kind);
        Assert.Equal("and the docs too", _tracker.GetFacts().LastUserMessage);
    }

    [Fact]
    public void Malformed_lines_are_counted_and_logged_once_per_file_with_the_first_line_number()
    {
        Feed(Prompt, "{not json", "also not json", "[1,2]");

        Assert.Equal(3, _tracker.MalformedLines);
        var warning = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("the first is line 2.", warning.Message, StringComparison.Ordinal);
        Assert.Equal(1, _tracker.GetFacts().TurnCount);
    }

    [Fact]
    public void Unknown_line_types_are_counted_silently()
    {
        long version = _tracker.Version;
        Feed("""{"type":"hologram","payload":{"x":1}}""", """{"no_type":true}""");

        Assert.Equal(2, _tracker.UnknownLines);
        Assert.Equal(version, _tracker.Version);
        Assert.Empty(_logs.Entries);
    }

    [Fact]
    public void A_reset_forgets_everything()
    {
        Feed(Prompt, EndTurn);
        long version = _tracker.Version;

        _tracker.OnReset();

        SessionFacts facts = _tracker.GetFacts();
        Assert.True(_tracker.Version > version);
        Assert.Equal(0, facts.TurnCount);
        Assert.Equal(default, facts.Tokens);
        Assert.Null(facts.ProjectPath);
        Assert.Equal(AgentStateKind.Idle, facts.TranscriptState.Kind);
    }

    [Fact]
    public void Facts_are_the_same_instance_until_a_line_changes_them()
    {
        Feed(Prompt);
        SessionFacts first = _tracker.GetFacts();

        Assert.Same(first, _tracker.GetFacts());
        Feed(EndTurn);
        Assert.NotSame(first, _tracker.GetFacts());
    }
}
