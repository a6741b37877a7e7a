using AgentLive.Sources;
using AgentLive.Sources.Claude;
using AgentLive.State;

using static AgentLive.Tests.State.RuleInputs;

namespace AgentLive.Tests.State;

/// <summary>
/// The documented limits of the status rules at their exact edges: a report as new as the last line counts, the
/// idle limit is 30 minutes of quiet (not one second less), and a shell command the agent reports running is work.
/// </summary>
public sealed class SessionStatusBoundaryTests
{
    [Fact]
    public void A_report_stamped_exactly_at_the_last_lines_time_counts()
    {
        AgentState waiting = Evaluate(AgentStateKind.Thinking, TimeSpan.FromSeconds(3), live: Live(LiveReportState.WaitingForUser, LastLine));
        AgentState older = Evaluate(AgentStateKind.Thinking, TimeSpan.FromSeconds(3), live: Live(LiveReportState.WaitingForUser, LastLine.AddTicks(-1)));

        Assert.Equal(AgentStateKind.AwaitingPermission, waiting.Kind);
        Assert.Equal(SessionStatus.NeedsYou, waiting.Status);
        Assert.Equal(AgentStateKind.Thinking, older.Kind);
    }

    [Fact]
    public void A_busy_report_at_the_last_lines_time_turns_a_finished_turn_into_work()
    {
        AgentState busy = Evaluate(AgentStateKind.TaskComplete, TimeSpan.FromSeconds(3), live: Live(LiveReportState.Working, LastLine));

        Assert.Equal(SessionStatus.Working, busy.Status);
    }

    [Theory]
    [InlineData(AgentStateKind.TaskComplete)]
    [InlineData(AgentStateKind.AwaitingInput)]
    [InlineData(AgentStateKind.Thinking)]
    public void A_command_running_after_the_turn_is_a_background_task_and_so_work(AgentStateKind transcript)
    {
        AgentState shell = Evaluate(transcript, TimeSpan.FromSeconds(3), live: Live(LiveReportState.RunningCommand, LastLine.AddSeconds(1)));

        Assert.Equal(SessionStatus.Working, shell.Status);
        Assert.Equal(AgentStateKind.BackgroundTask, shell.Kind);
        Assert.Equal(StateEvidence.LiveReport, shell.Evidence);
    }

    [Fact]
    public void A_shell_report_during_a_foreground_command_keeps_the_transcripts_tool_call()
    {
        AgentState shell = Evaluate(AgentStateKind.ToolRunning, TimeSpan.FromSeconds(3), live: Live(LiveReportState.RunningCommand, LastLine.AddSeconds(1)));

        Assert.Equal(AgentStateKind.ToolRunning, shell.Kind);
        Assert.Equal(StateEvidence.Transcript | StateEvidence.LiveReport, shell.Evidence);
    }

    [Fact]
    public void Claudes_shell_status_word_is_a_running_command_and_so_work()
    {
        byte[] json = System.Text.Encoding.UTF8.GetBytes("""{"pid":42,"sessionId":"s1","status":"shell","updatedAt":1795514401000}""");

        Assert.True(ClaudeLiveStatusFile.TryParse(json, out LiveStatusEntry? entry));
        Assert.Equal(LiveReportState.RunningCommand, entry!.State);
        AgentState state = Evaluate(AgentStateKind.TaskComplete, TimeSpan.FromSeconds(3), live: entry with { UpdatedAt = LastLine });
        Assert.Equal(SessionStatus.Working, state.Status);
    }

    [Theory]
    [InlineData(AgentStateKind.Thinking)]
    [InlineData(AgentStateKind.ToolRunning)]
    [InlineData(AgentStateKind.Acting)]
    public void Work_turns_idle_at_thirty_minutes_of_quiet_and_not_a_second_before(AgentStateKind kind)
    {
        AgentState justBefore = Evaluate(kind, new TimeSpan(0, 29, 59), ProcessPresence.Alive);
        AgentState atLimit = Evaluate(kind, TimeSpan.FromMinutes(30), ProcessPresence.Alive);

        Assert.Equal(kind, justBefore.Kind);
        Assert.Equal(SessionStatus.Working, justBefore.Status);
        Assert.Equal(AgentStateKind.Idle, atLimit.Kind);
        Assert.Equal(SessionStatus.NeedsYou, atLimit.Status);
        Assert.Equal("No activity for 30 min", atLimit.Label);
    }

    [Theory]
    [InlineData(AgentStateKind.TaskComplete)]
    [InlineData(AgentStateKind.Interrupted)]
    [InlineData(AgentStateKind.AwaitingInput)]
    public void A_gone_process_whose_turn_was_over_is_done_at_once(AgentStateKind kind)
    {
        AgentState state = Evaluate(kind, TimeSpan.Zero, ProcessPresence.Gone);

        Assert.Equal(AgentStateKind.SessionEnded, state.Kind);
        Assert.Equal(SessionStatus.Done, state.Status);
    }

    [Fact]
    public void A_gone_process_that_looked_busy_is_done_after_ten_seconds_of_quiet()
    {
        Assert.Equal(SessionStatus.Working, Evaluate(AgentStateKind.ToolRunning, new TimeSpan(0, 0, 9), ProcessPresence.Gone).Status);
        Assert.Equal(SessionStatus.Done, Evaluate(AgentStateKind.ToolRunning, TimeSpan.FromSeconds(10), ProcessPresence.Gone).Status);
    }

    [Fact]
    public void The_idle_limit_is_thirty_minutes_by_default()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), StatusThresholds.Default.StaleAfter);
        Assert.Equal(TimeSpan.FromMinutes(30), new StatusThresholds().StaleAfter);
    }
}
