using AgentLive;
using AgentLive.Samples.Alerts;

namespace AgentLive.Samples.Tests.Alerts;

public sealed class NeedsYouAlertsTests
{
    [Fact]
    public void A_session_already_waiting_at_start_never_alerts()
    {
        var alerts = new NeedsYouAlerts();

        Assert.Empty(alerts.Observe([Session("claude:a", AgentStateKind.AwaitingInput)]));
        Assert.Empty(alerts.Observe([Session("claude:a", AgentStateKind.AwaitingInput)]));
    }

    [Fact]
    public void Working_then_needing_you_alerts_once()
    {
        var alerts = new NeedsYouAlerts();
        alerts.Observe([Session("codex:b", AgentStateKind.Thinking)]);

        LiveSession alerted = Assert.Single(alerts.Observe([Session("codex:b", AgentStateKind.AwaitingPermission)]));

        Assert.Equal("codex:b", alerted.Id);
    }

    [Fact]
    public void Repeated_updates_while_waiting_alert_no_more()
    {
        var alerts = new NeedsYouAlerts();
        alerts.Observe([Session("codex:b", AgentStateKind.ToolRunning)]);
        Assert.Single(alerts.Observe([Session("codex:b", AgentStateKind.TaskComplete)]));

        Assert.Empty(alerts.Observe([Session("codex:b", AgentStateKind.TaskComplete)]));
        Assert.Empty(alerts.Observe([Session("codex:b", AgentStateKind.Idle)]));
    }

    [Fact]
    public void Each_new_wait_after_work_alerts_again()
    {
        var alerts = new NeedsYouAlerts();
        alerts.Observe([Session("claude:c", AgentStateKind.Thinking)]);
        Assert.Single(alerts.Observe([Session("claude:c", AgentStateKind.AwaitingInput)]));
        Assert.Empty(alerts.Observe([Session("claude:c", AgentStateKind.Thinking)]));

        Assert.Single(alerts.Observe([Session("claude:c", AgentStateKind.PlanReview)]));
    }

    [Fact]
    public void A_session_that_ends_does_not_need_you()
    {
        var alerts = new NeedsYouAlerts();
        alerts.Observe([Session("claude:d", AgentStateKind.Thinking)]);

        Assert.Empty(alerts.Observe([Session("claude:d", AgentStateKind.SessionEnded)]));
    }

    [Fact]
    public void A_session_that_appears_after_start_already_waiting_alerts_once()
    {
        var alerts = new NeedsYouAlerts();
        alerts.Observe([]);

        Assert.Single(alerts.Observe([Session("codex:e", AgentStateKind.AwaitingInput)]));
        Assert.Empty(alerts.Observe([Session("codex:e", AgentStateKind.AwaitingInput)]));
    }

    private static LiveSession Session(string id, AgentStateKind kind) => new()
    {
        Id = id,
        Source = id[..id.IndexOf(':', StringComparison.Ordinal)],
        SourceSessionId = id[(id.IndexOf(':', StringComparison.Ordinal) + 1)..],
        FilePath = $"/sessions/{id}.jsonl",
        State = new AgentState(kind, kind.ToString()),
    };
}
