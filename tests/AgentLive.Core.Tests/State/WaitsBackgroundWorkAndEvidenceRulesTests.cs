using AgentLive.Sources;
using AgentLive.State;

using static AgentLive.Tests.State.RuleInputs;

namespace AgentLive.Tests.State;

/// <summary>
/// The rules for what a live report alone can show (a question, a permission or plan dialog, a command left running),
/// for telling "cannot tell" from a guess, and for what each state rests on.
/// </summary>
public sealed class WaitsBackgroundWorkAndEvidenceRulesTests
{
    private static LiveStatusEntry Live(LiveReportState state) => RuleInputs.Live(state, LastLine.AddSeconds(1));

    private static AgentState Evaluate(SessionFacts facts, TimeSpan after, ProcessPresence process = ProcessPresence.Alive, LiveStatusEntry? live = null, bool toolRunning = false) =>
        RuleInputs.Evaluate(facts, after, process, live, toolRunning);

    [Fact]
    public void A_question_on_screen_is_awaiting_input_on_the_live_reports_word()
    {
        AgentState state = Evaluate(Facts(AgentStateKind.Thinking), TimeSpan.FromSeconds(4), live: Live(LiveReportState.WaitingForAnswer));

        Assert.Equal(AgentStateKind.AwaitingInput, state.Kind);
        Assert.Equal(SessionStatus.NeedsYou, state.Status);
        Assert.Equal(StateEvidence.LiveReport, state.Evidence);
    }

    [Fact]
    public void A_permission_dialog_while_a_plan_is_proposed_is_the_plans_review()
    {
        SessionFacts facts = Facts(AgentStateKind.Thinking) with { ProposedPlan = "Plan: add a greeting script" };

        AgentState plan = Evaluate(facts, TimeSpan.FromSeconds(4), live: Live(LiveReportState.WaitingForPermission));
        AgentState permission = Evaluate(Facts(AgentStateKind.Thinking), TimeSpan.FromSeconds(4), live: Live(LiveReportState.WaitingForPermission));

        Assert.Equal(AgentStateKind.PlanReview, plan.Kind);
        Assert.Equal("Plan to review: Plan: add a greeting script", plan.Label);
        Assert.Equal(StateEvidence.Transcript | StateEvidence.LiveReport, plan.Evidence);
        Assert.Equal(AgentStateKind.AwaitingPermission, permission.Kind);
    }

    [Theory]
    [InlineData(AgentStateKind.AwaitingInput)]
    [InlineData(AgentStateKind.PlanReview)]
    [InlineData(AgentStateKind.AwaitingPermission)]
    public void A_dialog_the_transcript_already_names_keeps_the_transcripts_words(AgentStateKind kind)
    {
        AgentState state = Evaluate(Facts(kind), TimeSpan.FromSeconds(4), live: Live(LiveReportState.WaitingForPermission));

        Assert.Equal(kind, state.Kind);
        Assert.Equal(StateEvidence.Transcript | StateEvidence.LiveReport, state.Evidence);
    }

    [Fact]
    public void A_background_task_stays_work_for_hours_while_its_agent_lives_and_ends_with_it()
    {
        AgentState hoursLater = Evaluate(Facts(AgentStateKind.BackgroundTask), TimeSpan.FromHours(3));
        AgentState gone = Evaluate(Facts(AgentStateKind.BackgroundTask), TimeSpan.FromHours(3), ProcessPresence.Gone);

        Assert.Equal(AgentStateKind.BackgroundTask, hoursLater.Kind);
        Assert.Equal(SessionStatus.Working, hoursLater.Status);
        Assert.Equal(AgentStateKind.SessionEnded, gone.Kind);
        Assert.Equal(StateEvidence.ProcessTree | StateEvidence.Time, gone.Evidence);
    }

    [Fact]
    public void Delegating_is_work_and_turns_idle_only_when_nothing_moves_for_too_long()
    {
        Assert.Equal(SessionStatus.Working, Evaluate(Facts(AgentStateKind.Delegating), TimeSpan.FromMinutes(29)).Status);

        AgentState stale = Evaluate(Facts(AgentStateKind.Delegating), TimeSpan.FromMinutes(31));
        Assert.Equal(AgentStateKind.Idle, stale.Kind);
        Assert.Equal(StateEvidence.Time | StateEvidence.ProcessTree, stale.Evidence);
    }

    [Fact]
    public void Without_a_process_table_a_call_that_may_need_approval_is_unknown_not_a_guess()
    {
        SessionFacts facts = Facts(AgentStateKind.ToolRunning) with { PendingApproval = "make deploy" };

        AgentState unknown = Evaluate(facts, TimeSpan.FromSeconds(5), ProcessPresence.Unknown);
        AgentState waiting = Evaluate(facts, TimeSpan.FromSeconds(5));
        AgentState running = Evaluate(facts, TimeSpan.FromSeconds(5), toolRunning: true);

        Assert.Equal(AgentStateKind.Unknown, unknown.Kind);
        Assert.Equal(SessionStatus.Unknown, unknown.Status);
        Assert.Equal("Running, or waiting for your approval: make deploy", unknown.Label);
        Assert.Equal(StateEvidence.Transcript | StateEvidence.Time, unknown.Evidence);
        Assert.Equal(StateEvidence.Transcript | StateEvidence.ProcessTree | StateEvidence.Time, waiting.Evidence);
        Assert.Equal(AgentStateKind.ToolRunning, running.Kind);
        Assert.Equal(StateEvidence.Transcript | StateEvidence.ProcessTree, running.Evidence);
    }

    [Fact]
    public void What_a_state_rests_on_follows_the_rule_that_decided_it()
    {
        Assert.Equal(StateEvidence.Transcript, Evaluate(Facts(AgentStateKind.ToolRunning), TimeSpan.FromSeconds(1)).Evidence);
        Assert.Equal(StateEvidence.Time, Evaluate(Facts(AgentStateKind.TaskComplete), TimeSpan.FromHours(1), ProcessPresence.Unknown).Evidence);
        Assert.Equal(
            StateEvidence.ProcessTree | StateEvidence.Transcript,
            Evaluate(Facts(AgentStateKind.TaskComplete), TimeSpan.FromSeconds(1), ProcessPresence.Gone).Evidence);
        Assert.Equal(
            StateEvidence.Transcript | StateEvidence.ProcessTree,
            Evaluate(Facts(AgentStateKind.SessionEnded), TimeSpan.FromSeconds(1)).Evidence);
        Assert.Equal(
            StateEvidence.LiveReport,
            Evaluate(Facts(AgentStateKind.TaskComplete), TimeSpan.FromSeconds(3), live: Live(LiveReportState.Working)).Evidence);
    }

    [Theory]
    [InlineData(AgentStateKind.Delegating, SessionStatus.Working)]
    [InlineData(AgentStateKind.BackgroundTask, SessionStatus.Working)]
    [InlineData(AgentStateKind.Unknown, SessionStatus.Unknown)]
    [InlineData(AgentStateKind.NotRecorded, SessionStatus.Unknown)]
    [InlineData(AgentStateKind.PlanReview, SessionStatus.NeedsYou)]
    public void Each_fine_state_maps_to_one_coarse_status(AgentStateKind kind, SessionStatus status) =>
        Assert.Equal(status, AgentState.StatusOf(kind));
}
