using System.Text.Json;
using AgentLive.Sources;
using AgentLive.Sources.Claude;
using AgentLive.State;
using AgentLive.Tailing;
using AgentLive.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentLive.Tests.Sources.Claude;

/// <summary>Every Claude Code recording, replayed line by line, checked against what the model server reported.</summary>
public sealed class ClaudeFixtureReplayTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public static TheoryData<string> Scenarios => RealFixture.Scenarios("claude");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Replaying_line_by_line_gives_the_server_reported_facts(string scenario)
    {
        RealFixture fixture = RealFixture.Load("claude", scenario);
        ClaudeSessionTracker tracker = await ReplayAsync(fixture.Transcript);
        SessionFacts facts = tracker.GetFacts();
        JsonElement expected = fixture.Expected;
        JsonElement usage = expected.GetProperty("server_usage_totals_main_requests");

        Assert.Equal(usage.GetProperty("input_tokens").GetInt64(), facts.Tokens.Input);
        Assert.Equal(usage.GetProperty("output_tokens").GetInt64(), facts.Tokens.Output);
        Assert.Equal(usage.GetProperty("cache_creation_input_tokens").GetInt64(), facts.Tokens.CacheCreation);
        Assert.Equal(usage.GetProperty("cache_read_input_tokens").GetInt64(), facts.Tokens.CacheRead);
        Assert.Equal(expected.GetProperty("session_id").GetString(), facts.SourceSessionId);
        Assert.Equal(expected.GetProperty("cwd").GetString(), facts.ProjectPath);
        Assert.Equal(expected.GetProperty("git_branch").GetString(), facts.GitBranch);
        Assert.Equal(expected.GetProperty("requested_model").GetString(), facts.Model);
        Assert.Equal(expected.GetProperty("user_prompts").GetInt32(), facts.TurnCount);
        Assert.Equal(0, tracker.MalformedLines);
        Assert.Equal(0, tracker.UnknownLines);
        Assert.NotNull(facts.StartedAt);
        Assert.True(facts.LastActivityAt >= facts.StartedAt);
        Assert.NotNull(facts.Title);
        Assert.NotNull(facts.LastUserMessage);

        // Every recording ends with the client's process gone: after a quiet minute the session is done.
        AgentState final = tracker.Evaluate(new SessionContext(facts.LastActivityAt!.Value.AddMinutes(1), ProcessPresence.Gone));
        Assert.Equal(SessionStatus.Done, final.Status);
        Assert.Equal(AgentStateKind.SessionEnded, final.Kind);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_parser_sees_every_tool_call_the_model_made(string scenario)
    {
        RealFixture fixture = RealFixture.Load("claude", scenario);
        var parser = new ClaudeLineParser();
        var line = new ClaudeLine();
        var toolUseIds = new HashSet<string>();
        foreach (byte[] bytes in RealFixture.Lines(fixture.Transcript))
        {
            Assert.True(parser.TryParse(bytes, line));
            Assert.NotEqual(ClaudeLineKind.Unknown, line.Kind);
            toolUseIds.UnionWith(line.ToolUses.Select(t => t.Id));
        }

        Assert.Equal(fixture.Expected.GetProperty("tool_calls").GetInt32(), toolUseIds.Count);
    }

    public static TheoryData<string, string, SessionStatus, AgentStateKind> Checkpoints => new()
    {
        { "c_tool_sleep", "midturn-tool-running", SessionStatus.Working, AgentStateKind.ToolRunning },
        { "d_resume", "after-p1", SessionStatus.Done, AgentStateKind.SessionEnded },
        { "d_resume", "after-p2-continue", SessionStatus.Done, AgentStateKind.SessionEnded },
        { "f3_interrupt_permission_dialog_tui", "waiting-dialog", SessionStatus.NeedsYou, AgentStateKind.AwaitingPermission },
        { "f3_interrupt_permission_dialog_tui", "after-escape-idle", SessionStatus.NeedsYou, AgentStateKind.Interrupted },
        { "f_interrupt_tui", "tool-running", SessionStatus.Working, AgentStateKind.ToolRunning },
        { "f_interrupt_tui", "after-escape-idle", SessionStatus.NeedsYou, AgentStateKind.Interrupted },
        { "g_interactive_tui", "tui1-idle-alive", SessionStatus.NeedsYou, AgentStateKind.TaskComplete },
        { "g_interactive_tui", "tui1-after-exit", SessionStatus.Done, AgentStateKind.SessionEnded },
        { "g_interactive_tui", "tui2-resumed-before-prompt", SessionStatus.NeedsYou, AgentStateKind.Idle },
        { "g_interactive_tui", "tui2-idle-alive", SessionStatus.NeedsYou, AgentStateKind.TaskComplete },
    };

    [Theory]
    [MemberData(nameof(Checkpoints))]
    public async Task At_each_recorded_checkpoint_the_status_is_what_the_user_saw(
        string scenario, string checkpoint, SessionStatus status, AgentStateKind state)
    {
        RealFixture fixture = RealFixture.Load("claude", scenario);
        ClaudeSessionTracker tracker = await ReplayAsync(fixture.TranscriptAt(checkpoint)!);
        LiveStatusEntry? live = LiveStatusAt(fixture, checkpoint);

        // Where the recorder saw the process table it is known: alive while the registry file existed, gone after.
        var context = new SessionContext(
            fixture.CheckpointTime(checkpoint),
            live is null ? ProcessPresence.Gone : ProcessPresence.Alive,
            live);
        AgentState activity = tracker.Evaluate(context);

        Assert.Equal(state, activity.Kind);
        Assert.Equal(status, activity.Status);
    }

    [Fact]
    public async Task The_permission_dialog_is_invisible_in_the_transcript_alone()
    {
        RealFixture fixture = RealFixture.Load("claude", "f3_interrupt_permission_dialog_tui");
        ClaudeSessionTracker tracker = await ReplayAsync(fixture.TranscriptAt("waiting-dialog")!);

        AgentState activity = tracker.Evaluate(new SessionContext(fixture.CheckpointTime("waiting-dialog"), ProcessPresence.Alive));

        Assert.Equal(AgentStateKind.Thinking, activity.Kind);
    }

    [Fact]
    public async Task A_running_tool_shows_its_command_as_the_activity()
    {
        RealFixture fixture = RealFixture.Load("claude", "c_tool_sleep");
        ClaudeSessionTracker tracker = await ReplayAsync(fixture.TranscriptAt("midturn-tool-running")!);

        // The command that runs, as Claude Code 2.1 recorded it, with the model's description beside it.
        Assert.Equal(
            new AgentActivity { Tool = "Bash", Target = "sleep 15 && echo slept", Description = "Wait 15 seconds then print slept" },
            tracker.GetFacts().Activity);
    }

    [Fact]
    public async Task The_give_up_after_retries_is_an_error_until_the_process_writes_its_exit()
    {
        RealFixture fixture = RealFixture.Load("claude", "e_error_529");
        var tracker = new ClaudeSessionTracker(new SessionFile(fixture.Transcript, SessionFileKind.Main, "x"), NullLogger.Instance);
        var states = new List<AgentStateKind>();
        var labels = new List<string>();
        long offset = 0;
        foreach (byte[] line in RealFixture.Lines(fixture.Transcript))
        {
            tracker.OnLine(line);
            offset += line.Length + 1;
            states.Add(tracker.GetFacts().TranscriptState.Kind);
            labels.Add(tracker.GetFacts().TranscriptState.Label);
        }

        Assert.Contains(AgentStateKind.Thinking, states);
        Assert.Equal(AgentStateKind.Error, states[^2]);
        Assert.Equal(AgentStateKind.SessionEnded, states[^1]);
        Assert.Contains("Retrying after error 529 (attempt 1 of 2)", labels);
    }

    private static LiveStatusEntry? LiveStatusAt(RealFixture fixture, string checkpoint)
    {
        string? path = fixture.LiveStatusFileAt(checkpoint);
        if (path is null)
        {
            return null;
        }

        // At a checkpoint the recorded process was running: the report stands.
        Assert.True(ClaudeLiveStatusFile.TryParse(File.ReadAllBytes(path), out LiveStatusEntry? entry));
        return entry;
    }

    private Task<ClaudeSessionTracker> ReplayAsync(string transcript) =>
        TrackerReplay.ReplayAsync(_dir, transcript, path =>
            new ClaudeSessionTracker(new SessionFile(path, SessionFileKind.Main, Path.GetFileNameWithoutExtension(transcript)), NullLogger.Instance));
}
