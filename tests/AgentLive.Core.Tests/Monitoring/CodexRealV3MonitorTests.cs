using AgentLive.Tests.Infrastructure;

namespace AgentLive.Tests.Monitoring;

/// <summary>
/// The Codex CLI 0.171.0 recordings through the monitor: a sub-agent's own rollout filed under its parent whichever is
/// found first, and an approval told from a running command by the recorded process table.
/// </summary>
public sealed class CodexRealV3MonitorTests
{
    private const string Set = "real-v3";
    private const string ParentKey = "codex:01a22a86-c972-7c61-b062-4388869fc2d5";
    private const string SubAgentId = "01a22a86-d251-7c51-ba49-b6702bd3c5cb";

    private static readonly RealFixture SubAgent = RealFixture.Load("codex", "k_subagent_tui", Set);
    private static readonly RealFixture Approval = RealFixture.Load("codex", "i_approval_approve_tui", Set);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_sub_agent_rollout_is_filed_under_its_parent_whichever_is_found_first(bool parentFirst)
    {
        const string Working = "subagent-tool-running";
        await using var harness = new MonitorHarness(now: SubAgent.CheckpointTime(Working));
        string parent = SubAgent.TranscriptsAt(Working).Single(t => !t.Contains(SubAgentId, StringComparison.Ordinal));
        string sub = SubAgent.TranscriptsAt(Working).Single(t => t.Contains(SubAgentId, StringComparison.Ordinal));
        Copy(harness, SubAgent, parentFirst ? parent : sub);
        await harness.Monitor.StartAsync();

        LiveSession alone = Assert.Single(harness.Monitor.GetSessions());
        if (parentFirst)
        {
            Assert.Equal(ParentKey, alone.Id);
            Assert.Equal(AgentStateKind.Delegating, alone.State.Kind);
            Assert.Equal("wait_agent", alone.Activity?.Tool);
        }
        else
        {
            // Not lost while its parent is unknown: shown on its own, naming the parent.
            Assert.Equal($"codex:{SubAgentId}", alone.Id);
            Assert.Equal(ParentKey, $"codex:{alone.ParentSessionId}");
            Assert.Equal(AgentStateKind.ToolRunning, alone.State.Kind);
        }

        Copy(harness, SubAgent, parentFirst ? sub : parent);
        await harness.ReconcileAsync();

        LiveSession session = Assert.Single(harness.Monitor.GetSessions());
        Assert.Equal(ParentKey, session.Id);
        Assert.Equal(AgentStateKind.Delegating, session.State.Kind);
        Assert.Equal(SessionStatus.Working, session.Status);
        Assert.Contains("sleep 10 && echo sub-done", session.Activity?.Display, StringComparison.Ordinal);
        SubAgentInfo agent = Assert.Single(session.SubAgents);
        Assert.Equal(SubAgentId, agent.AgentId);
        Assert.Equal(SubAgentStatus.Running, agent.Status);
        Assert.Equal("sleep 10 && echo sub-done", agent.Activity?.Target);

        // The rest of both rollouts: the sub-agent finished, the parent answered.
        const string Idle = "idle-after-turn";
        foreach (string transcript in SubAgent.TranscriptsAt(Idle))
        {
            Copy(harness, SubAgent, transcript);
        }

        harness.Time.Advance(SubAgent.CheckpointTime(Idle) - harness.Time.GetUtcNow());
        await harness.ReconcileAsync();

        session = Assert.Single(harness.Monitor.GetSessions());
        Assert.Equal(ParentKey, session.Id);
        Assert.Equal(AgentStateKind.TaskComplete, session.State.Kind);
        Assert.Equal(SessionStatus.NeedsYou, session.Status);
        RecordedCheckpoint server = RecordedCheckpoint.Find($"{Set}/codex/k_subagent_tui@{Idle}");
        Assert.Equal(server.ServerTokens("server_usage_totals_main_requests"), session.Tokens);
        agent = Assert.Single(session.SubAgents);
        Assert.Equal(SubAgentStatus.Completed, agent.Status);
        Assert.Equal(server.ServerTokens("server_usage_totals_by_label", "subagent"), agent.Tokens);
    }

    [Theory]
    [InlineData("waiting-approval")]
    [InlineData("approved-command-running")]
    public async Task An_approval_wait_and_the_approved_command_are_told_apart_by_the_recorded_process_table(string label)
    {
        RecordedCheckpoint expected = RecordedCheckpoint.Find($"{Set}/codex/i_approval_approve_tui@{label}");
        await using var harness = new MonitorHarness(
            o => (o.DetectProcesses, o.ProcessScanner) = (true, new RecordedProcessScanner(expected.ProcessSnapshot!, new Dictionary<string, string>())),
            now: expected.Time);
        Copy(harness, Approval, Approval.TranscriptsAt(label).Single());
        await harness.Monitor.StartAsync();

        LiveSession session = Assert.Single(harness.Monitor.GetSessions());
        Assert.InRange(harness.Time.GetUtcNow() - session.LastActivityAt!.Value, harness.Options.StatusThresholds.ApprovalQuiet, harness.Options.StatusThresholds.QuietAfter);
        Assert.True(expected.Answers[0].Accepts(session), $"{session.Status} / {session.State.Kind} ({session.State.Label})");
        Assert.True(expected.Activities.Any(a => session.Activity?.Display.Contains(a, StringComparison.Ordinal) == true), session.Activity?.Display);
        Assert.True(session.State.Evidence.HasFlag(StateEvidence.ProcessTree), session.State.Evidence.ToString());

        // The terminal codex is the session's agent, not the app-server daemon whose child the command is.
        Assert.Equal(21515, session.Pid);

        // A few seconds on, nothing has changed.
        harness.Time.Advance(harness.Options.StatusThresholds.ApprovalQuiet);
        await harness.ReconcileAsync();
        Assert.Equal(session.State.Kind, Assert.Single(harness.Monitor.GetSessions()).State.Kind);
    }

    [Fact]
    public async Task Without_process_detection_an_escalated_command_is_unknown_and_names_it()
    {
        const string Label = "approved-command-running";
        await using var harness = new MonitorHarness(now: Approval.CheckpointTime(Label));
        Copy(harness, Approval, Approval.TranscriptsAt(Label).Single());
        await harness.Monitor.StartAsync();

        LiveSession session = Assert.Single(harness.Monitor.GetSessions());
        Assert.Equal(AgentStateKind.Unknown, session.State.Kind);
        Assert.Equal(SessionStatus.Unknown, session.Status);
        Assert.Contains("sleep 6 && touch created-by-codex.txt", session.Activity?.Display, StringComparison.Ordinal);
    }

    private static void Copy(MonitorHarness harness, RealFixture fixture, string transcript) =>
        File.Copy(transcript, harness.Codex.PlaceFor(fixture, transcript), overwrite: true);
}
