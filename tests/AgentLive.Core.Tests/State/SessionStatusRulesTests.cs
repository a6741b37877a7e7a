using AgentLive.Sources;
using AgentLive.State;

using static AgentLive.Tests.State.RuleInputs;

namespace AgentLive.Tests.State;

public sealed class SessionStatusRulesTests
{
    [Theory]
    [InlineData(AgentStateKind.Thinking, SessionStatus.Working)]
    [InlineData(AgentStateKind.Acting, SessionStatus.Working)]
    [InlineData(AgentStateKind.ToolRunning, SessionStatus.Working)]
    [InlineData(AgentStateKind.TaskComplete, SessionStatus.NeedsYou)]
    [InlineData(AgentStateKind.AwaitingInput, SessionStatus.NeedsYou)]
    [InlineData(AgentStateKind.Interrupted, SessionStatus.NeedsYou)]
    [InlineData(AgentStateKind.Error, SessionStatus.NeedsYou)]
    public void Within_the_thresholds_the_transcript_state_stands(AgentStateKind kind, SessionStatus status)
    {
        AgentState activity = Evaluate(kind, TimeSpan.FromSeconds(5), ProcessPresence.Alive);

        Assert.Equal(status, activity.Status);
        Assert.Equal(kind, activity.Kind);
    }

    [Fact]
    public void A_gone_process_means_done_once_the_session_is_quiet()
    {
        Assert.Equal(SessionStatus.Working, Evaluate(AgentStateKind.Thinking, TimeSpan.FromSeconds(9), ProcessPresence.Gone).Status);

        AgentState done = Evaluate(AgentStateKind.Thinking, TimeSpan.FromSeconds(10), ProcessPresence.Gone);
        Assert.Equal(SessionStatus.Done, done.Status);
        Assert.Equal(AgentStateKind.SessionEnded, done.Kind);
    }

    [Fact]
    public void Without_process_facts_a_session_is_done_after_the_done_threshold()
    {
        Assert.Equal(SessionStatus.NeedsYou, Evaluate(AgentStateKind.TaskComplete, TimeSpan.FromMinutes(14)).Status);
        Assert.Equal(SessionStatus.Done, Evaluate(AgentStateKind.TaskComplete, TimeSpan.FromMinutes(15)).Status);
    }

    [Fact]
    public void A_live_process_keeps_a_pause_from_becoming_done()
    {
        AgentState activity = Evaluate(AgentStateKind.TaskComplete, TimeSpan.FromHours(5), ProcessPresence.Alive);

        Assert.Equal(SessionStatus.NeedsYou, activity.Status);
        Assert.Equal(AgentStateKind.TaskComplete, activity.Kind);
    }

    [Fact]
    public void Work_with_no_new_line_for_too_long_becomes_idle_while_the_process_lives()
    {
        AgentState activity = Evaluate(AgentStateKind.ToolRunning, TimeSpan.FromMinutes(31), ProcessPresence.Alive);

        Assert.Equal(SessionStatus.NeedsYou, activity.Status);
        Assert.Equal(AgentStateKind.Idle, activity.Kind);
    }

    [Fact]
    public void A_newer_waiting_report_is_a_permission_prompt()
    {
        AgentState activity = Evaluate(
            AgentStateKind.Thinking, TimeSpan.FromSeconds(3), live: Live(LiveReportState.WaitingForUser, LastLine.AddSeconds(1), waitingFor: "dialog open"));

        Assert.Equal(SessionStatus.NeedsYou, activity.Status);
        Assert.Equal(AgentStateKind.AwaitingPermission, activity.Kind);
        Assert.Equal("Waiting for you: dialog open", activity.Label);
    }

    [Fact]
    public void An_older_report_does_not_override_newer_transcript_lines()
    {
        AgentState activity = Evaluate(AgentStateKind.Thinking, TimeSpan.FromSeconds(3), live: Live(LiveReportState.Idle, LastLine.AddSeconds(-1)));

        Assert.Equal(AgentStateKind.Thinking, activity.Kind);
    }

    [Fact]
    public void Busy_after_a_finished_turn_is_work_and_idle_during_apparent_work_is_not()
    {
        Assert.Equal(SessionStatus.Working, Evaluate(AgentStateKind.TaskComplete, TimeSpan.FromSeconds(3), live: Live(LiveReportState.Working, LastLine.AddSeconds(1))).Status);

        AgentState idle = Evaluate(AgentStateKind.ToolRunning, TimeSpan.FromSeconds(3), live: Live(LiveReportState.Idle, LastLine.AddSeconds(1)));
        Assert.Equal(SessionStatus.NeedsYou, idle.Status);
        Assert.Equal(AgentStateKind.Idle, idle.Kind);
    }

    [Fact]
    public void An_ended_transcript_with_a_live_process_is_a_resumed_session()
    {
        Assert.Equal(SessionStatus.Done, Evaluate(AgentStateKind.SessionEnded, TimeSpan.Zero).Status);

        AgentState resumed = Evaluate(AgentStateKind.SessionEnded, TimeSpan.FromMinutes(1), ProcessPresence.Alive);
        Assert.Equal(SessionStatus.NeedsYou, resumed.Status);
        Assert.Equal(AgentStateKind.Idle, resumed.Kind);
    }

    [Fact]
    public void A_call_that_may_need_approval_waits_only_while_no_tool_process_of_it_runs()
    {
        SessionFacts facts = Facts(AgentStateKind.ToolRunning) with { PendingApproval = "make deploy" };

        AgentState waiting = SessionStatusRules.Evaluate(facts, new SessionContext(LastLine.AddSeconds(3), ProcessPresence.Alive));
        AgentState soon = SessionStatusRules.Evaluate(facts, new SessionContext(LastLine.AddSeconds(1), ProcessPresence.Alive));
        AgentState running = SessionStatusRules.Evaluate(facts, new SessionContext(LastLine.AddSeconds(3), ProcessPresence.Alive, ToolProcessRunning: true));

        Assert.Equal(AgentStateKind.AwaitingPermission, waiting.Kind);
        Assert.Equal("Waiting for approval: make deploy", waiting.Label);
        Assert.Equal(AgentStateKind.ToolRunning, soon.Kind);
        Assert.Equal(AgentStateKind.ToolRunning, running.Kind);
    }

    [Fact]
    public void Thresholds_can_be_changed()
    {
        var thresholds = new StatusThresholds { DoneAfter = TimeSpan.FromMinutes(1) };

        AgentState activity = SessionStatusRules.Evaluate(
            Facts(AgentStateKind.TaskComplete), new SessionContext(LastLine.AddMinutes(2), Thresholds: thresholds));

        Assert.Equal(SessionStatus.Done, activity.Status);
        Assert.Throws<ArgumentOutOfRangeException>(() => new StatusThresholds { QuietAfter = TimeSpan.FromSeconds(-1) });
    }
}
