using System.Text.Json;
using AgentLive.Sources;
using AgentLive.Sources.Codex;
using AgentLive.State;
using AgentLive.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentLive.Tests.Sources.Codex;

/// <summary>Every Codex CLI recording, replayed line by line, checked against what the model server reported.</summary>
public sealed class CodexFixtureReplayTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public static TheoryData<string> Scenarios => RealFixture.Scenarios("codex");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Replaying_line_by_line_gives_the_server_reported_facts(string scenario)
    {
        RealFixture fixture = RealFixture.Load("codex", scenario);
        CodexSessionTracker tracker = await ReplayAsync(fixture.Transcript);
        SessionFacts facts = tracker.GetFacts();
        JsonElement expected = fixture.Expected;
        JsonElement usage = expected.GetProperty("server_usage_totals_main_requests");
        long cached = usage.GetProperty("cached_input_tokens").GetInt64();

        Assert.Equal(usage.GetProperty("input_tokens").GetInt64() - cached, facts.Tokens.Input);
        Assert.Equal(cached, facts.Tokens.CacheRead);
        Assert.Equal(usage.GetProperty("output_tokens").GetInt64(), facts.Tokens.Output);
        Assert.Equal(usage.GetProperty("reasoning_output_tokens").GetInt64(), facts.Tokens.Reasoning);
        Assert.Equal(usage.GetProperty("total_tokens").GetInt64(), facts.Tokens.Total);
        Assert.Equal(expected.GetProperty("session_id").GetString(), facts.SourceSessionId);
        Assert.Equal(expected.GetProperty("cwd").GetString(), facts.ProjectPath);
        Assert.Equal(expected.GetProperty("git_branch").GetString(), facts.GitBranch);
        Assert.Equal(expected.GetProperty("model").GetString(), facts.Model);
        Assert.Equal(expected.GetProperty("user_prompts").GetInt32(), facts.TurnCount);
        Assert.Equal(0, tracker.MalformedLines);
        Assert.Equal(0, tracker.UnknownLines);
        Assert.NotNull(facts.Title);
        Assert.DoesNotContain("<environment_context>", facts.Title, StringComparison.Ordinal);

        // The recordings' model (gpt-6.1-sol) is not in the price list: no cost rather than a guessed one.
        Assert.Equal(facts.Tokens.Total == 0 ? 0m : null, facts.CostUsd);
        Assert.Equal(258400, facts.ContextWindowSize);

        AgentState final = tracker.Evaluate(new SessionContext(facts.LastActivityAt!.Value.AddMinutes(1), ProcessPresence.Gone));
        Assert.Equal(SessionStatus.Done, final.Status);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_parser_sees_every_tool_call_the_model_made(string scenario)
    {
        RealFixture fixture = RealFixture.Load("codex", scenario);
        var parser = new CodexLineParser();
        var line = new CodexLine();
        var calls = new HashSet<string>();
        int partial = 0;
        foreach (byte[] bytes in RealFixture.Lines(fixture.Transcript))
        {
            Assert.True(parser.TryParse(bytes, line));
            Assert.NotEqual(CodexLineKind.Unknown, line.Kind);
            partial += line.ReadPartially ? 1 : 0;
            if (line.PayloadType is CodexPayloadType.CustomToolCall or CodexPayloadType.FunctionCall)
            {
                calls.Add(line.CallId!);
            }
        }

        Assert.Equal(fixture.Expected.GetProperty("tool_calls").GetInt32(), calls.Count);

        // Developer instructions, the tool list and world-state snapshots are recognised from their first fields and
        // not read further.
        Assert.True(partial >= 4, $"{partial} lines read partially");
    }

    /// <summary>
    /// Each checkpoint with whether the agent process ran, as the recording shows it at that moment: the process snapshot taken
    /// there, else the timeline (a <c>client_exit</c> or <c>pane_dead</c> before the checkpoint means gone, a terminal
    /// still open means alive).
    /// </summary>
    public static TheoryData<string, string, bool, SessionStatus, AgentStateKind> Checkpoints => new()
    {
        { "c_tool_sleep", "midturn-tool-running", true, SessionStatus.Working, AgentStateKind.ToolRunning },

        // `codex exec` runs: the client exited (client_exit) a second before each checkpoint. Nothing is left to answer.
        { "d_resume", "after-e1", false, SessionStatus.Done, AgentStateKind.SessionEnded },
        { "d_resume", "after-e2-resume-last", false, SessionStatus.Done, AgentStateKind.SessionEnded },
        { "f_interrupt_tui", "tool-running", true, SessionStatus.Working, AgentStateKind.ToolRunning },

        // The process snapshot "after-escape", 1 ms before this checkpoint, still has the terminal codex (2442).
        { "f_interrupt_tui", "after-escape-idle", true, SessionStatus.NeedsYou, AgentStateKind.Interrupted },
        { "g_interactive_tui", "tui1-idle-alive", true, SessionStatus.NeedsYou, AgentStateKind.TaskComplete },

        // The pane is dead (tmux/tui1-after-quit.txt) and only the app-server daemon runs (processes.json): the session
        // is over, although its last line (the turn's task_complete) is only 9.3 s old.
        { "g_interactive_tui", "tui1-after-quit", false, SessionStatus.Done, AgentStateKind.SessionEnded },
        { "g_interactive_tui", "tui2-resumed-before-prompt", true, SessionStatus.NeedsYou, AgentStateKind.TaskComplete },
        { "g_interactive_tui", "tui2-idle-alive", true, SessionStatus.NeedsYou, AgentStateKind.TaskComplete },
        { "h_approval_wait_tui", "waiting-approval", true, SessionStatus.NeedsYou, AgentStateKind.AwaitingPermission },

        // No process snapshot here; the pane died 1.2 s after this checkpoint.
        { "h_approval_wait_tui", "after-escape-idle", true, SessionStatus.NeedsYou, AgentStateKind.Interrupted },
    };

    [Theory]
    [MemberData(nameof(Checkpoints))]
    public async Task At_each_recorded_checkpoint_the_status_is_what_the_user_saw(
        string scenario, string checkpoint, bool agentAlive, SessionStatus status, AgentStateKind state)
    {
        RealFixture fixture = RealFixture.Load("codex", scenario);
        CodexSessionTracker tracker = await ReplayAsync(fixture.TranscriptAt(checkpoint)!);
        ProcessPresence presence = agentAlive ? ProcessPresence.Alive : ProcessPresence.Gone;
        if (fixture.ProcessesAt(checkpoint).Count > 0)
        {
            Assert.Equal(presence, Presence(fixture, checkpoint));
        }

        AgentState activity = tracker.Evaluate(new SessionContext(fixture.CheckpointTime(checkpoint), presence));

        Assert.Equal(state, activity.Kind);
        Assert.Equal(status, activity.Status);
    }

    [Fact]
    public async Task The_daemon_that_outlives_the_terminal_ui_does_not_keep_the_session_alive()
    {
        RealFixture fixture = RealFixture.Load("codex", "g_interactive_tui");
        CodexSessionTracker tracker = await ReplayAsync(fixture.TranscriptAt("tui1-after-quit")!);
        var processes = fixture.ProcessesAt("tui1-after-quit");

        // The app-server daemon still runs (and holds the rollout open), but no terminal codex does.
        Assert.Contains(processes, p => CodexProcessClassifier.Classify(p.Comm, p.Argv) == AgentProcessRole.Daemon);
        Assert.Equal(ProcessPresence.Gone, Presence(fixture, "tui1-after-quit"));

        DateTimeOffset quietLongEnough = tracker.GetFacts().LastActivityAt!.Value + StatusThresholds.Default.QuietAfter;
        AgentState activity = tracker.Evaluate(new SessionContext(quietLongEnough, ProcessPresence.Gone));
        Assert.Equal(SessionStatus.Done, activity.Status);

        Assert.Equal(ProcessPresence.Alive, Presence(fixture, "tui2-resumed-before-prompt"));
    }

    [Fact]
    public async Task The_running_command_is_the_activity_not_the_exec_tool()
    {
        RealFixture fixture = RealFixture.Load("codex", "c_tool_sleep");
        CodexSessionTracker tracker = await ReplayAsync(fixture.TranscriptAt("midturn-tool-running")!);

        Assert.Equal("sleep 15 && echo slept", tracker.GetFacts().Activity?.Target);
    }

    [Fact]
    public async Task An_approval_wait_names_the_command_waiting_for_approval()
    {
        RealFixture fixture = RealFixture.Load("codex", "h_approval_wait_tui");
        CodexSessionTracker tracker = await ReplayAsync(fixture.TranscriptAt("waiting-approval")!);

        AgentState activity = tracker.Evaluate(new SessionContext(fixture.CheckpointTime("waiting-approval"), ProcessPresence.Alive));

        Assert.Equal("Waiting for approval: touch created-by-codex.txt && echo created", activity.Label);
    }

    [Fact]
    public async Task A_failed_turn_is_an_error_with_the_server_message()
    {
        RealFixture fixture = RealFixture.Load("codex", "e_error_500");
        CodexSessionTracker tracker = await ReplayAsync(fixture.Transcript);

        AgentState state = tracker.GetFacts().TranscriptState;
        Assert.Equal(AgentStateKind.Error, state.Kind);
        Assert.Contains("high demand", state.Label, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_late_command_completion_after_an_interrupt_does_not_reopen_the_turn()
    {
        RealFixture fixture = RealFixture.Load("codex", "f_interrupt_tui");
        CodexSessionTracker tracker = await ReplayAsync(fixture.Transcript);

        Assert.Equal(AgentStateKind.Interrupted, tracker.GetFacts().TranscriptState.Kind);
    }

    /// <summary>The rule under test: a session's process is the terminal codex (or codex exec), never the daemon.</summary>
    private static ProcessPresence Presence(RealFixture fixture, string checkpoint) =>
        fixture.ProcessesAt(checkpoint).Any(p => CodexProcessClassifier.Classify(p.Comm, p.Argv) == AgentProcessRole.Agent)
            ? ProcessPresence.Alive
            : ProcessPresence.Gone;

    private Task<CodexSessionTracker> ReplayAsync(string transcript) =>
        TrackerReplay.ReplayAsync(_dir, transcript, path => new CodexSessionTracker(new SessionFile(path, SessionFileKind.Main, "from-name"), NullLogger.Instance));
}
