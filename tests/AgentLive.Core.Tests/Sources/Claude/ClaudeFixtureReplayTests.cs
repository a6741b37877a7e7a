using System.Text.Json;
using AgentLive.Monitoring;
using AgentLive.Sources;
using AgentLive.Sources.Claude;
using AgentLive.State;
using AgentLive.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentLive.Tests.Sources.Claude;

/// <summary>Every Claude Code recording, replayed line by line, checked against what the model server reported.</summary>
public sealed class ClaudeFixtureReplayTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public static TheoryData<string, string> Scenarios => RealFixture.ScenariosInAllSets("claude");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Replaying_line_by_line_gives_the_server_reported_facts(string set, string scenario)
    {
        RealFixture fixture = RealFixture.Load("claude", scenario, set);
        Replay replay = await ReplaySessionAsync(fixture, fixture.Transcript, fixture.SubAgentTranscripts);
        SessionFacts facts = replay.Facts;
        JsonElement expected = fixture.Expected;

        // The session's totals include its sub-agents' (every main request the server saw).
        AssertTokens(expected.GetProperty("server_usage_totals_main_requests"), facts.Tokens);
        Assert.Equal(expected.GetProperty("session_id").GetString(), facts.SourceSessionId);
        Assert.Equal(expected.GetProperty("cwd").GetString(), facts.ProjectPath);
        Assert.Equal(expected.GetProperty("git_branch").GetString(), facts.GitBranch);
        Assert.Equal(expected.GetProperty("requested_model").GetString(), facts.Model);
        Assert.Equal(expected.GetProperty("user_prompts").GetInt32(), facts.TurnCount);
        Assert.All(replay.Trackers, t => Assert.Equal(0, t.MalformedLines));
        Assert.All(replay.Trackers, t => Assert.Equal(0, t.UnknownLines));
        Assert.NotNull(facts.StartedAt);
        Assert.True(facts.LastActivityAt >= facts.StartedAt);
        Assert.NotNull(facts.Title);
        Assert.NotNull(facts.LastUserMessage);

        // Every recording ends with the client's process gone: after a quiet minute the session is done.
        AgentState final = SessionStatusRules.Evaluate(facts, new SessionContext(facts.LastActivityAt!.Value.AddMinutes(1), ProcessPresence.Gone));
        Assert.Equal(SessionStatus.Done, final.Status);
        Assert.Equal(AgentStateKind.SessionEnded, final.Kind);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_parser_sees_every_tool_call_the_model_made(string set, string scenario)
    {
        RealFixture fixture = RealFixture.Load("claude", scenario, set);
        Assert.Equal(fixture.Expected.GetProperty("tool_calls").GetInt32(), ToolCallsIn(fixture.Transcript));
        if (fixture.Expected.TryGetProperty("subagent_tool_calls", out JsonElement subAgentCalls))
        {
            Assert.Equal(subAgentCalls.GetInt32(), fixture.SubAgentTranscripts.Sum(ToolCallsIn));
        }
    }

    [Fact]
    public async Task A_sub_agent_is_listed_with_its_own_tokens_and_the_session_counts_them()
    {
        RealFixture fixture = RealFixture.Load("claude", "i_subagent_tui", RealFixture.V3Set);
        Replay replay = await ReplaySessionAsync(fixture, fixture.Transcript, fixture.SubAgentTranscripts);
        JsonElement byLabel = fixture.Expected.GetProperty("server_usage_totals_by_label");

        AssertTokens(byLabel.GetProperty("parent"), replay.Trackers[0].GetFacts().Tokens);
        SubAgentInfo agent = Assert.Single(replay.Facts.SubAgents);
        AssertTokens(byLabel.GetProperty("subagent"), agent.Tokens);
        Assert.Equal("a806f27e6503315b8", agent.AgentId);
        Assert.Equal("Run the sub check", agent.Description);
        Assert.Equal(SubAgentStatus.Completed, agent.Status);
        Assert.Null(agent.Activity);

        // The turn its notification started was no one's prompt: the person's prompt stays the last one.
        Assert.Equal("Delegate the check to a sub-agent", replay.Facts.LastUserMessage);
    }

    public static TheoryData<string, string, string> LaterCheckpoints
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (string set in new[] { RealFixture.V3Set, RealFixture.VariantsSet })
            {
                foreach (string scenario in RealFixture.ScenarioNames("claude", set))
                {
                    foreach (JsonElement checkpoint in RealFixture.Load("claude", scenario, set).ExpectedCheckpoints)
                    {
                        data.Add(set, scenario, checkpoint.GetProperty("label").GetString()!);
                    }
                }
            }

            return data;
        }
    }

    /// <summary>
    /// Each checkpoint of the third set and its variants, from the transcripts and the live status file as they were
    /// then: the state is one expected.json accepts, and the activity (or the state's own words) shows what it names.
    /// </summary>
    [Theory]
    [MemberData(nameof(LaterCheckpoints))]
    public async Task At_each_later_checkpoint_the_state_and_activity_are_what_the_recording_expects(string set, string scenario, string label)
    {
        RealFixture fixture = RealFixture.Load("claude", scenario, set);
        JsonElement expected = fixture.ExpectedCheckpoints.Single(c => c.GetProperty("label").GetString() == label);
        Replay replay = await ReplaySessionAsync(fixture, fixture.TranscriptAt(label)!, fixture.SubAgentTranscriptsAt(label));
        LiveStatusEntry? live = LiveStatusAt(fixture, label);

        AgentState state = SessionStatusRules.Evaluate(
            replay.Facts, new SessionContext(fixture.CheckpointTime(label), live is null ? ProcessPresence.Gone : ProcessPresence.Alive, live));

        Assert.Contains(JsonNamingPolicy.SnakeCaseLower.ConvertName(state.Kind.ToString()), expected.GetProperty("states").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(StatusOf(expected.GetProperty("status").GetString()!), state.Status);
        if (!expected.TryGetProperty("activity", out JsonElement activity))
        {
            return;
        }

        string display = SessionSnapshots.ActivityOf(state, replay.Facts)?.Display ?? "";
        string shown = $"{display} | {state.Label}";
        if (scenario == "j_ask_user_question_tui")
        {
            // While the question shows, Claude Code holds its tool call back: no file names the question yet, and only
            // the live report says the session waits for an answer.
            Assert.True(state.Evidence.HasFlag(StateEvidence.LiveReport));
            Assert.Empty(display);
            return;
        }

        string[] accepted = [activity.GetString()!, .. expected.GetProperty("activity_alt").EnumerateArray().Select(a => a.GetString()!)];
        Assert.True(accepted.Any(a => shown.Contains(a, StringComparison.Ordinal)), $"'{shown}' shows none of: {string.Join(" | ", accepted)}");
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

    private static SessionStatus StatusOf(string status) => status switch
    {
        "working" => SessionStatus.Working,
        "paused" => SessionStatus.NeedsYou,
        "done" => SessionStatus.Done,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static void AssertTokens(JsonElement usage, TokenUsage tokens)
    {
        Assert.Equal(usage.GetProperty("input_tokens").GetInt64(), tokens.Input);
        Assert.Equal(usage.GetProperty("output_tokens").GetInt64(), tokens.Output);
        Assert.Equal(usage.GetProperty("cache_creation_input_tokens").GetInt64(), tokens.CacheCreation);
        Assert.Equal(usage.GetProperty("cache_read_input_tokens").GetInt64(), tokens.CacheRead);
    }

    private static int ToolCallsIn(string transcript)
    {
        var parser = new ClaudeLineParser();
        var line = new ClaudeLine();
        var toolUseIds = new HashSet<string>();
        foreach (byte[] bytes in RealFixture.Lines(transcript))
        {
            Assert.True(parser.TryParse(bytes, line));
            Assert.NotEqual(ClaudeLineKind.Unknown, line.Kind);
            toolUseIds.UnionWith(line.ToolUses.Select(t => t.Id));
        }

        return toolUseIds.Count;
    }

    /// <summary>Replays a session's transcript and its sub-agents' and combines them as the monitor does.</summary>
    private async Task<Replay> ReplaySessionAsync(RealFixture fixture, string transcript, IReadOnlyList<string> subAgentTranscripts)
    {
        string sessionId = fixture.Expected.GetProperty("session_id").GetString()!;
        ClaudeSessionTracker main = await ReplayAsync(transcript);
        var subAgents = new List<SubAgentTranscript>();
        var trackers = new List<ClaudeSessionTracker> { main };
        foreach (string path in subAgentTranscripts)
        {
            string agentId = Path.GetFileNameWithoutExtension(path)["agent-".Length..];
            var file = new SessionFile(path, SessionFileKind.SubAgent, sessionId, agentId);
            ClaudeSessionTracker tracker = await TrackerReplay.ReplayAsync(_dir, path, copy => new ClaudeSessionTracker(file with { Path = copy }, NullLogger.Instance));
            trackers.Add(tracker);
            subAgents.Add(new SubAgentTranscript { File = file, Facts = tracker.GetFacts() });
        }

        return new Replay(trackers, new ClaudeSessionSource().CombineSubAgents(main.GetFacts(), subAgents));
    }

    private sealed record Replay(IReadOnlyList<ClaudeSessionTracker> Trackers, SessionFacts Facts);

    private Task<ClaudeSessionTracker> ReplayAsync(string transcript) =>
        TrackerReplay.ReplayAsync(_dir, transcript, path =>
            new ClaudeSessionTracker(new SessionFile(path, SessionFileKind.Main, Path.GetFileNameWithoutExtension(transcript)), NullLogger.Instance));
}
