using System.Text;
using AgentLive.Parsing;
using AgentLive.Sources;
using AgentLive.Sources.Codex;
using AgentLive.State;
using AgentLive.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentLive.Tests.Sources.Codex;

/// <summary>
/// The Codex CLI 0.171.0 recordings (TestData/real-v3): a sub-agent that writes a rollout of its own, and an approval
/// that only the process table tells from a running command. Every rollout of a moment is replayed line by line, the
/// sub-agent's combined into its parent, and the state compared with the checkpoint's in <c>expected.json</c>.
/// </summary>
public sealed class CodexRealV3ReplayTests : IDisposable
{
    private const string Set = "real-v3";
    private const string ParentId = "01a22a86-c972-7c61-b062-4388869fc2d5";
    private const string SubAgentId = "01a22a86-d251-7c51-ba49-b6702bd3c5cb";

    private static readonly ISessionSource Source = new CodexSessionSource(new CodexSourceOptions { Roots = ["codex-home"] });

    private readonly TempDirectory _dir = new();

    /// <summary>Every checkpoint of a Codex recording (this set's and the variants').</summary>
    public static TheoryData<string> Checkpoints => new(RecordedCheckpoint.All().Where(c => c.Client == "codex").Select(c => c.Name));

    public static TheoryData<string> Scenarios => RealFixture.Scenarios("codex", Set);

    public void Dispose() => _dir.Dispose();

    [Theory]
    [MemberData(nameof(Checkpoints))]
    public async Task At_each_checkpoint_the_state_is_the_recorded_one(string name)
    {
        RecordedCheckpoint checkpoint = RecordedCheckpoint.Find(name);
        SessionFacts facts = await CombinedAsync(Transcripts(Path.Combine(checkpoint.Snapshot, "codex", "sessions")));

        // The process table as the monitor weighs it: the terminal codex is the session's agent; a process whose
        // environment names the thread is one of its tool processes.
        var scanner = new RecordedProcessScanner(checkpoint.ProcessSnapshot!, new Dictionary<string, string>());
        IReadOnlyList<ProcessInfo> processes = await scanner.ScanAsync(CancellationToken.None);
        ProcessPresence presence = processes.Any(p => Source.ClassifyProcess(p) == AgentProcessRole.Agent) ? ProcessPresence.Alive : ProcessPresence.Gone;
        bool toolRunning = processes.Any(p => Source.SessionIdOfToolProcess(scanner.Environment(p.Pid)) == facts.SourceSessionId);
        AgentState state = SessionStatusRules.Evaluate(facts, new SessionContext(checkpoint.Time, presence, ToolProcessRunning: toolRunning));

        Assert.True(
            checkpoint.Answers.Any(a => a.Status == state.Status && a.States.Contains(state.Kind)),
            $"{name}: {state.Status} / {state.Kind} ({state.Label}), expected {string.Join(" or ", checkpoint.Answers.Select(a => $"{a.Status} / {string.Join("|", a.States)}"))}");
        // What a user sees of it: the activity, or the state's own words where the state names the thing (an error's cause).
        string shown = $"{facts.Activity?.Display} | {state.Label}";
        Assert.True(
            checkpoint.Activities.Count == 0 || checkpoint.Activities.Any(a => shown.Contains(a, StringComparison.Ordinal)),
            $"{name}: activity '{shown}', expected one of {string.Join(" | ", checkpoint.Activities)}");
    }

    [Fact]
    public async Task Only_the_process_table_tells_an_approval_wait_from_the_approved_command()
    {
        RealFixture fixture = RealFixture.Load("codex", "i_approval_approve_tui", Set);
        SessionFacts waiting = await CombinedAsync(fixture.TranscriptsAt("waiting-approval"));
        SessionFacts running = await CombinedAsync(fixture.TranscriptsAt("approved-command-running"));

        // The two moments' rollouts say the same.
        Assert.Equal(waiting.LastActivityAt, running.LastActivityAt);
        Assert.Equal(waiting.TranscriptState, running.TranscriptState);
        Assert.Equal(waiting.Activity, running.Activity);
        Assert.Equal(waiting.PendingApproval, running.PendingApproval);
        Assert.Equal("sleep 6 && touch created-by-codex.txt && echo created", waiting.PendingApproval);

        DateTimeOffset now = RecordedCheckpoint.SnapshotTime(fixture.Directory, "approved-command-running");
        Assert.Equal(AgentStateKind.AwaitingPermission, SessionStatusRules.Evaluate(running, new SessionContext(now, ProcessPresence.Alive)).Kind);
        AgentState approved = SessionStatusRules.Evaluate(running, new SessionContext(now, ProcessPresence.Alive, ToolProcessRunning: true));
        Assert.Equal(AgentStateKind.ToolRunning, approved.Kind);
        Assert.True(approved.Evidence.HasFlag(StateEvidence.ProcessTree));

        // Without a process table the monitor cannot tell, and says so.
        Assert.Equal(AgentStateKind.Unknown, SessionStatusRules.Evaluate(running, new SessionContext(now)).Kind);
    }

    [Fact]
    public async Task A_sub_agent_rollout_names_its_parent_and_adds_its_tokens_to_it()
    {
        RealFixture fixture = RealFixture.Load("codex", "k_subagent_tui", Set);
        IReadOnlyList<SessionFacts> rollouts = await ReplayAllAsync(fixture.Transcripts);
        SessionFacts parent = rollouts.Single(f => f.SourceSessionId == ParentId);
        SessionFacts sub = rollouts.Single(f => f.SourceSessionId == SubAgentId);
        RecordedCheckpoint server = RecordedCheckpoint.All().First(c => c.ScenarioName == $"{Set}/codex/k_subagent_tui");

        Assert.Null(parent.SubAgentOf);
        Assert.Equal(ParentId, sub.SubAgentOf);
        Assert.Equal(server.ServerTokens("server_usage_totals_by_label", "parent"), parent.Tokens);
        Assert.Equal(server.ServerTokens("server_usage_totals_by_label", "subagent"), sub.Tokens);

        SessionFacts combined = await CombinedAsync(fixture.Transcripts);
        Assert.Equal(server.ServerTokens("server_usage_totals_main_requests"), combined.Tokens);
        SubAgentInfo agent = Assert.Single(combined.SubAgents);
        Assert.Equal(SubAgentId, agent.AgentId);
        Assert.Equal("call_fake_0001", agent.Id);
        Assert.Equal("/root/sub_check", agent.Description);
        Assert.Equal(SubAgentStatus.Completed, agent.Status);
        Assert.Null(agent.Activity);
        Assert.Equal(sub.Tokens, agent.Tokens);
    }

    [Fact]
    public async Task While_the_parent_waits_on_its_sub_agent_it_delegates_and_shows_the_sub_agent_command()
    {
        RealFixture fixture = RealFixture.Load("codex", "k_subagent_tui", Set);
        IReadOnlyList<string> moment = fixture.TranscriptsAt("subagent-tool-running");
        SessionFacts parentAlone = (await ReplayAllAsync(moment)).Single(f => f.SubAgentOf is null);

        // The parent alone: waiting on wait_agent while the sub-agent it started has not finished.
        Assert.Equal(AgentStateKind.Delegating, parentAlone.TranscriptState.Kind);
        Assert.Equal("wait_agent", parentAlone.Activity?.Tool);
        Assert.Equal(SubAgentStatus.Running, Assert.Single(parentAlone.SubAgents).Status);

        SessionFacts combined = await CombinedAsync(moment);
        SubAgentInfo agent = Assert.Single(combined.SubAgents);
        Assert.Equal(SubAgentStatus.Running, agent.Status);
        Assert.Equal(new AgentActivity { Tool = "exec", Target = "sleep 10 && echo sub-done" }, agent.Activity);
        Assert.Equal(agent.Activity, combined.Activity);

        // Billed so far, though neither rollout has written the token_count of its latest response yet.
        Assert.Equal(1533, agent.Tokens.Total);
        Assert.Equal(4948 + 1533, combined.Tokens.Total);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Every_line_of_the_recordings_is_known(string scenario)
    {
        RealFixture fixture = RealFixture.Load("codex", scenario, Set);
        var parser = new CodexLineParser();
        var line = new CodexLine();
        foreach (string transcript in fixture.Transcripts)
        {
            foreach (byte[] bytes in RealFixture.Lines(transcript))
            {
                Assert.True(parser.TryParse(bytes, line));
                Assert.NotEqual(CodexLineKind.Unknown, line.Kind);
            }

            CodexSessionTracker tracker = await ReplayAsync(transcript);
            Assert.Equal(0, tracker.MalformedLines);
            Assert.Equal(0, tracker.UnknownLines);
        }
    }

    [Fact]
    public void The_spawn_and_wait_calls_are_collaboration_calls()
    {
        RealFixture fixture = RealFixture.Load("codex", "k_subagent_tui", Set);
        var parser = new CodexLineParser();
        var line = new CodexLine();
        var calls = new List<(string?, string?)>();
        foreach (byte[] bytes in RealFixture.Lines(fixture.Transcripts.Single(t => t.Contains(ParentId, StringComparison.Ordinal))))
        {
            Assert.True(parser.TryParse(bytes, line));
            if (line.PayloadType == CodexPayloadType.FunctionCall)
            {
                calls.Add((line.Namespace, line.Name));
            }
        }

        Assert.Equal([("collaboration", "spawn_agent"), ("collaboration", "wait_agent")], calls);
    }

    /// <summary>
    /// Codex retries a failed request without a line in the rollout: the turn stays the model's (working) until the
    /// client gives up and ends the turn with the error (e_error_500: every request answered with HTTP 500).
    /// </summary>
    [Fact]
    public void A_turn_whose_requests_fail_is_working_while_retried_and_an_error_once_given_up()
    {
        RealFixture fixture = RealFixture.Load("codex", "e_error_500");
        byte[][] lines = [.. RealFixture.Lines(fixture.Transcript)];
        CodexSessionTracker tracker = NewTracker("rollout-x.jsonl");
        foreach (byte[] line in lines[..^1])
        {
            tracker.OnLine(line);
        }

        DateTimeOffset prompt = tracker.GetFacts().LastActivityAt!.Value;
        AgentState retrying = tracker.Evaluate(new SessionContext(prompt.AddSeconds(30), ProcessPresence.Alive));
        Assert.Equal(AgentStateKind.Thinking, retrying.Kind);
        Assert.Equal(SessionStatus.Working, retrying.Status);

        tracker.OnLine(lines[^1]);
        AgentState gaveUp = tracker.Evaluate(new SessionContext(prompt.AddSeconds(31), ProcessPresence.Alive));
        Assert.Equal(AgentStateKind.Error, gaveUp.Kind);
        Assert.Equal(SessionStatus.NeedsYou, gaveUp.Status);
        Assert.Contains("high demand", gaveUp.Label, StringComparison.Ordinal);
    }

    /// <summary>A turn whose answer ends with a question waits for the user's answer, the question being what it is about.</summary>
    [Fact]
    public void A_turn_that_ends_with_a_question_in_prose_needs_you()
    {
        RealFixture fixture = RealFixture.Load("codex", "i_approval_approve_tui", Set);
        const string Answer = "Created created-by-codex.txt (the command printed: created).";
        const string Question = "Created it. Should I also add it to git?";
        byte[][] lines = [.. RealFixture.Lines(fixture.Transcript).Select(l => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(l).Replace(Answer, Question, StringComparison.Ordinal)))];
        Assert.Contains(lines, l => Encoding.UTF8.GetString(l).Contains(Question, StringComparison.Ordinal));

        CodexSessionTracker tracker = NewTracker("rollout-x.jsonl");
        foreach (byte[] line in lines)
        {
            tracker.OnLine(line);
        }

        AgentState state = tracker.Evaluate(new SessionContext(tracker.GetFacts().LastActivityAt!.Value.AddSeconds(5), ProcessPresence.Alive));
        Assert.Equal(AgentStateKind.AwaitingInput, state.Kind);
        Assert.Equal(SessionStatus.NeedsYou, state.Status);
        Assert.Equal(new AgentActivity { Description = "Should I also add it to git?" }, tracker.GetFacts().Activity);

        // The next prompt ends the question.
        tracker.OnLine(lines.Single(l => Encoding.UTF8.GetString(l).Contains("\"type\":\"UserMessage\"", StringComparison.Ordinal)));
        Assert.Null(tracker.GetFacts().Activity);
        Assert.Equal(AgentStateKind.Thinking, tracker.GetFacts().TranscriptState.Kind);
    }

    [Theory]
    [InlineData("All done.", null)]
    [InlineData("Done. Which one do you want?", "Which one do you want?")]
    [InlineData("Should it use SQLite (a file) or PostgreSQL? Which one?\n", "Which one?")]
    [InlineData("First line\nReady to go?", "Ready to go?")]
    [InlineData("Is 1.5 enough?", "Is 1.5 enough?")]
    public void The_question_an_answer_ends_with_is_its_last_sentence(string answer, string? question) =>
        Assert.Equal(question, ClosingQuestion.Of(Encoding.UTF8.GetBytes(answer), TextPreview.PromptChars));

    private static List<string> Transcripts(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    private static CodexSessionTracker NewTracker(string path) =>
        new(new SessionFile(path, SessionFileKind.Main, CodexSessionSource.ThreadIdFromFileName(Path.GetFileName(path))), NullLogger.Instance);

    /// <summary>The parent's facts with its sub-agents' rollouts combined in, as the monitor files them.</summary>
    private async Task<SessionFacts> CombinedAsync(IReadOnlyList<string> transcripts)
    {
        IReadOnlyList<SessionFacts> rollouts = await ReplayAllAsync(transcripts);
        SessionFacts parent = rollouts.Single(f => f.SubAgentOf is null);
        SubAgentTranscript[] subAgents =
        [
            .. rollouts.Where(f => f.SubAgentOf is not null).Select(f => new SubAgentTranscript
            {
                File = new SessionFile($"rollout-{f.SourceSessionId}.jsonl", SessionFileKind.SubAgent, f.SubAgentOf!, f.SourceSessionId),
                Facts = f,
            }),
        ];
        return Source.CombineSubAgents(parent, subAgents);
    }

    private async Task<IReadOnlyList<SessionFacts>> ReplayAllAsync(IReadOnlyList<string> transcripts)
    {
        var facts = new List<SessionFacts>();
        foreach (string transcript in transcripts)
        {
            facts.Add((await ReplayAsync(transcript)).GetFacts());
        }

        return facts;
    }

    private Task<CodexSessionTracker> ReplayAsync(string transcript) =>
        TrackerReplay.ReplayAsync(_dir, transcript, NewTracker);
}
