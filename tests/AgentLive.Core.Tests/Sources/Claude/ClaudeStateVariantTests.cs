using System.Text;
using AgentLive.Monitoring;
using AgentLive.Sources;
using AgentLive.Sources.Claude;
using AgentLive.State;
using AgentLive.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentLive.Tests.Sources.Claude;

/// <summary>
/// The moments monitors most often get wrong, beyond the recorded checkpoints: each built from real lines of the
/// recordings (TestData/real-v3, and TestData/real for the retries and a rejection), edited as little as the variant
/// needs, and checked for state, activity and tokens.
/// </summary>
public sealed class ClaudeStateVariantTests
{
    private const string SessionId = "14f429ff-945f-497d-8ce8-0cb5d1c87984";

    // Claude Code 2.1.332's lines, by their index in the recording (see each scenario's transcript).
    private static readonly string[] SubAgentParent = Recording("i_subagent_tui");
    private static readonly string[] SubAgent = RecordingOfSubAgent("i_subagent_tui");
    private static readonly string[] Question = Recording("j_ask_user_question_tui");
    private static readonly string[] Plan = Recording("k_plan_mode_tui");
    private static readonly string[] Shell = Recording("l_background_shell_tui");

    private const string PlanTitle = "Plan: add a greeting script";

    private readonly ClaudeSessionTracker _parent = new(new SessionFile("/p/projects/-p/s.jsonl", SessionFileKind.Main, SessionId), NullLogger.Instance);
    private readonly ClaudeSessionTracker _subAgent = new(SubAgentFile, NullLogger.Instance);

    private static SessionFile SubAgentFile => new($"/p/projects/-p/{SessionId}/subagents/agent-a806f27e6503315b8.jsonl", SessionFileKind.SubAgent, SessionId, "a806f27e6503315b8");

    [Fact]
    public void A_background_sub_agent_is_launched_until_it_starts_then_the_parent_delegates_to_its_current_call()
    {
        // The Agent call, its async_launched result, the parent's end_turn and turn_duration: the sub-agent has not started.
        Feed(_parent, SubAgentParent[..34]);
        SessionFacts launched = _parent.GetFacts();
        Assert.Equal(AgentStateKind.Delegating, launched.TranscriptState.Kind);
        Assert.Equal("Delegating: Run the sub check", launched.TranscriptState.Label);
        Assert.Equal(new AgentActivity { Tool = "Agent", Description = "Run the sub check" }, launched.Activity);
        Assert.Equal(SubAgentStatus.Launched, Assert.Single(launched.SubAgents).Status);

        // Its own transcript, up to its Bash call: it runs, and its call is what the session shows.
        Feed(_subAgent, SubAgent[..15]);
        SessionFacts running = Combine();
        SubAgentInfo agent = Assert.Single(running.SubAgents);
        Assert.Equal(SubAgentStatus.Running, agent.Status);
        var command = new AgentActivity { Tool = "Bash", Target = "sleep 10 && echo sub-done", Description = "Wait 10 seconds then print sub-done" };
        Assert.Equal(command, agent.Activity);
        Assert.Equal(command, running.Activity);
        Assert.Equal(AgentStateKind.Delegating, running.TranscriptState.Kind);
        Assert.Equal(new TokenUsage(1800 + 140 + 1100, 61 + 19 + 37, 6100 + 6800 + 3300, 700 + 85 + 400, 0), running.Tokens);
        Assert.Equal(new TokenUsage(1100, 37, 3300, 400, 0), agent.Tokens);

        // Its turn over, it has finished, though its notification has not reached the parent yet.
        Feed(_subAgent, SubAgent[15..]);
        Assert.Equal(SubAgentStatus.Completed, Assert.Single(Combine().SubAgents).Status);
    }

    [Fact]
    public void The_task_notification_completes_the_sub_agent_and_starts_a_turn_that_is_no_prompt()
    {
        Feed(_parent, SubAgentParent[..39]);

        SessionFacts facts = _parent.GetFacts();
        Assert.Equal(AgentStateKind.Thinking, facts.TranscriptState.Kind);
        Assert.Equal(SubAgentStatus.Completed, Assert.Single(facts.SubAgents).Status);
        Assert.Equal(1, facts.TurnCount);
        Assert.Equal("Delegate the check to a sub-agent", facts.LastUserMessage);

        Feed(_parent, SubAgentParent[39..43]);
        Assert.Equal(AgentStateKind.TaskComplete, _parent.GetFacts().TranscriptState.Kind);
    }

    [Fact]
    public void A_foreground_sub_agent_delegates_while_its_call_is_pending_and_its_result_ends_the_delegation()
    {
        // The same Agent call, its result not written yet: Claude Code waits for the sub-agent in the foreground.
        Feed(_parent, SubAgentParent[..25]);
        Feed(_subAgent, SubAgent[..15]);

        SessionFacts delegating = Combine();
        Assert.Equal(AgentStateKind.Delegating, delegating.TranscriptState.Kind);
        Assert.Equal("Delegating: Run the sub check", delegating.TranscriptState.Label);
        Assert.Equal("Bash: sleep 10 && echo sub-done", delegating.Activity?.Display);
        Assert.Equal(SubAgentStatus.Running, Assert.Single(delegating.SubAgents).Status);
        Assert.Equal(new TokenUsage(1800 + 1100, 61 + 37, 6100 + 3300, 700 + 400, 0), delegating.Tokens);

        // A foreground agent's result says it completed; the parent answers and its turn ends with nothing left behind.
        string completed = SubAgentParent[25]
            .Replace("\"isAsync\":true,\"status\":\"async_launched\"", "\"status\":\"completed\"", StringComparison.Ordinal);
        Assert.NotEqual(SubAgentParent[25], completed);
        Feed(_parent, completed, SubAgentParent[32], SubAgentParent[33]);
        Feed(_subAgent, SubAgent[15..]);

        SessionFacts done = Combine();
        Assert.Equal(AgentStateKind.TaskComplete, done.TranscriptState.Kind);
        Assert.Equal(SubAgentStatus.Completed, Assert.Single(done.SubAgents).Status);
    }

    [Fact]
    public void A_shell_left_in_the_background_keeps_the_session_working_with_its_command_until_its_notification()
    {
        Feed(_parent, Shell[..34]);

        SessionFacts facts = _parent.GetFacts();
        Assert.Equal(AgentStateKind.BackgroundTask, facts.TranscriptState.Kind);
        Assert.Equal("Running in the background: sleep 20", facts.TranscriptState.Label);
        Assert.Equal(new AgentActivity { Tool = "Bash", Target = "sleep 20", Description = "Wait 20 seconds in the background" }, facts.Activity);

        // Claude Code's own report agrees (status "shell"): the transcript's words stand, resting on both.
        AgentState state = WithLiveReport(facts, LiveReportState.RunningCommand);
        Assert.Equal(AgentStateKind.BackgroundTask, state.Kind);
        Assert.Equal(StateEvidence.Transcript | StateEvidence.LiveReport, state.Evidence);

        Feed(_parent, Shell[34..41]);
        Assert.Equal(AgentStateKind.TaskComplete, _parent.GetFacts().TranscriptState.Kind);
        Assert.Equal(1, _parent.GetFacts().TurnCount);
    }

    [Fact]
    public void Retries_while_a_shell_runs_in_the_background_are_working_and_the_give_up_is_an_error()
    {
        string[] retries = RealFixture.Lines(RealFixture.Load("claude", "e_error_529").Transcript).Select(Encoding.UTF8.GetString).ToArray();

        // The shell still runs when the person sends another prompt, and the model service fails.
        Feed(_parent, Shell[..34]);
        Feed(_parent, Shell[4], retries[16], retries[17]);
        Assert.Equal(AgentStateKind.Thinking, _parent.GetFacts().TranscriptState.Kind);
        Assert.Equal("Retrying after error 529 (attempt 1 of 2)", _parent.GetFacts().TranscriptState.Label);
        Assert.Equal(SessionStatus.Working, _parent.GetFacts().TranscriptState.Status);

        Feed(_parent, retries[20], retries[21], retries[22], retries[23]);
        Assert.Equal(AgentStateKind.Error, _parent.GetFacts().TranscriptState.Kind);
    }

    [Fact]
    public void A_question_the_client_writes_before_its_answer_waits_for_the_user_with_the_question_as_activity()
    {
        Feed(_parent, Question[..25]);

        SessionFacts facts = _parent.GetFacts();
        Assert.Equal(AgentStateKind.AwaitingInput, facts.TranscriptState.Kind);
        Assert.Equal(new AgentActivity { Tool = "AskUserQuestion", Target = "Which database should the fixture project use?" }, facts.Activity);

        Feed(_parent, Question[25]);
        Assert.Equal(AgentStateKind.Thinking, _parent.GetFacts().TranscriptState.Kind);
    }

    [Fact]
    public void A_turn_that_ends_asking_in_prose_waits_for_the_user()
    {
        string asks = Question[32].Replace("Going with SQLite, as you chose.", "Should the fixture project use SQLite or PostgreSQL?", StringComparison.Ordinal);
        Assert.NotEqual(Question[32], asks);

        Feed(_parent, Question[..22]);
        Feed(_parent, asks, Question[33]);

        Assert.Equal(new AgentState(AgentStateKind.AwaitingInput, "Asked you a question"), _parent.GetFacts().TranscriptState);
        Assert.Equal(new AgentActivity { Description = "Should the fixture project use SQLite or PostgreSQL?" }, _parent.GetFacts().Activity);

        // Answered in a new prompt, the turn works again; ending without a question it is complete.
        Feed(_parent, Question[4], Question[32], Question[33]);
        Assert.Equal(AgentStateKind.TaskComplete, _parent.GetFacts().TranscriptState.Kind);
    }

    [Fact]
    public void A_plan_written_to_the_plan_file_is_proposed_and_its_review_shows_its_title()
    {
        Feed(_parent, Plan[..27]);
        Assert.Equal(PlanTitle, _parent.GetFacts().ProposedPlan);

        Feed(_parent, Plan[27..50]);
        SessionFacts facts = _parent.GetFacts();
        Assert.Equal(AgentStateKind.PlanReview, facts.TranscriptState.Kind);
        Assert.Equal(new AgentActivity { Tool = "ExitPlanMode", Description = PlanTitle }, facts.Activity);

        // Approved: nothing waits for review any more.
        Feed(_parent, Plan[50]);
        Assert.Null(_parent.GetFacts().ProposedPlan);
    }

    [Fact]
    public void While_a_plan_is_proposed_the_permission_dialog_is_its_review()
    {
        // The recording at its checkpoint: the transcript ends before ExitPlanMode, only the live report shows the dialog.
        Feed(_parent, Plan[..47]);
        SessionFacts facts = _parent.GetFacts();

        AgentState state = WithLiveReport(facts, LiveReportState.WaitingForPermission);

        Assert.Equal(AgentStateKind.PlanReview, state.Kind);
        Assert.Equal(PlanTitle, SessionSnapshots.ActivityOf(state, facts)?.Display);
    }

    [Fact]
    public void A_rejected_plan_is_no_longer_under_review_and_the_session_then_waits_for_the_user()
    {
        // TestData/real's rejection of a tool call in the dialog, answering this recording's ExitPlanMode call.
        string[] rejection = RealFixture.Lines(RealFixture.Load("claude", "f3_interrupt_permission_dialog_tui").Transcript)
            .Select(Encoding.UTF8.GetString).Where(l => l.Contains("User rejected tool use", StringComparison.Ordinal) || l.Contains("[Request interrupted by user for tool use]", StringComparison.Ordinal))
            .ToArray();
        Assert.Equal(2, rejection.Length);

        Feed(_parent, Plan[..50]);
        Feed(_parent, rejection[0].Replace("toolu_01FAKE00000000000001", "toolu_01FAKE00000000000003", StringComparison.Ordinal));
        SessionFacts rejected = _parent.GetFacts();
        Assert.Null(rejected.ProposedPlan);
        Assert.NotEqual(AgentStateKind.PlanReview, rejected.TranscriptState.Kind);

        Feed(_parent, rejection[1]);
        Assert.Equal(AgentStateKind.Interrupted, _parent.GetFacts().TranscriptState.Kind);

        // A permission dialog now is a permission, not a plan's review.
        Assert.Equal(AgentStateKind.AwaitingPermission, WithLiveReport(_parent.GetFacts(), LiveReportState.WaitingForPermission).Kind);
    }

    [Fact]
    public void A_prompt_sent_outside_plan_mode_withdraws_the_proposed_plan()
    {
        Feed(_parent, Plan[..27]);
        Assert.NotNull(_parent.GetFacts().ProposedPlan);

        Feed(_parent, Plan[4].Replace("\"permissionMode\":\"plan\"", "\"permissionMode\":\"default\"", StringComparison.Ordinal));
        Assert.Null(_parent.GetFacts().ProposedPlan);
    }

    [Fact]
    public void A_plan_dialog_during_a_background_shell_wins_and_the_shell_still_runs_after_it()
    {
        // Plan mode (its attachment), a shell left in the background, the plan written and presented.
        Feed(_parent, Shell[..5]);
        Feed(_parent, Plan[10]);
        Feed(_parent, Shell[23], Shell[24], Shell[25]);
        Feed(_parent, Plan[26], Plan[27], Plan[48], Plan[49]);

        SessionFacts review = _parent.GetFacts();
        Assert.Equal(AgentStateKind.PlanReview, review.TranscriptState.Kind);
        Assert.Equal(new AgentActivity { Tool = "ExitPlanMode", Description = PlanTitle }, review.Activity);

        // Approved, the turn ends: the shell is still running, and the session shows it.
        Feed(_parent, Plan[50], Plan[51], Shell[32], Shell[33]);
        SessionFacts after = _parent.GetFacts();
        Assert.Equal(AgentStateKind.BackgroundTask, after.TranscriptState.Kind);
        Assert.Equal("Bash: sleep 20", after.Activity?.Display);
    }

    private static string[] Recording(string scenario) =>
        [.. RealFixture.Lines(RealFixture.Load("claude", scenario, RealFixture.V3Set).Transcript).Select(Encoding.UTF8.GetString)];

    private static string[] RecordingOfSubAgent(string scenario) =>
        [.. RealFixture.Lines(Assert.Single(RealFixture.Load("claude", scenario, RealFixture.V3Set).SubAgentTranscripts)).Select(Encoding.UTF8.GetString)];

    /// <summary>The state a moment after the last line, with Claude Code's live report saying <paramref name="reported"/> then.</summary>
    private static AgentState WithLiveReport(SessionFacts facts, LiveReportState reported)
    {
        DateTimeOffset last = facts.LastActivityAt!.Value;
        var live = new LiveStatusEntry { Pid = 1, SessionId = SessionId, State = reported, UpdatedAt = last.AddSeconds(1) };
        return SessionStatusRules.Evaluate(facts, new SessionContext(last.AddSeconds(2), ProcessPresence.Alive, live));
    }

    private static void Feed(ClaudeSessionTracker tracker, params string[] lines)
    {
        foreach (string line in lines)
        {
            tracker.OnLine(Encoding.UTF8.GetBytes(line));
        }

        Assert.Equal(0, tracker.MalformedLines);
    }

    private SessionFacts Combine() =>
        new ClaudeSessionSource().CombineSubAgents(_parent.GetFacts(), [new SubAgentTranscript { File = SubAgentFile, Facts = _subAgent.GetFacts() }]);
}
