using AgentLive.Tests.Infrastructure;

namespace AgentLive.Tests.Monitoring;

/// <summary>
/// Two time rules of the public monitor, on its fake clock: a done session is completed once it has been done for the
/// whole grace period (not a second sooner), and the summary's token and cost totals count only sessions last active
/// today (in the clock's local time zone, UTC here).
/// </summary>
public sealed class CompletionAndTodayTests
{
    private static readonly RealFixture ClaudeTool = RealFixture.Load("claude", "b_tool_echo");
    private const string ClaudeToolId = "claude:2888b61d-42ad-4c69-9f91-e136753c80c6";

    [Fact]
    public async Task A_done_session_is_completed_at_the_grace_period_and_not_a_second_before()
    {
        await using var harness = new MonitorHarness(now: new DateTimeOffset(2026, 11, 24, 0, 30, 0, TimeSpan.Zero));
        harness.Claude.Copy(ClaudeTool);
        await harness.Monitor.StartAsync();
        await harness.ReconcileAsync();
        Assert.True(harness.Monitor.TryGetSession(ClaudeToolId, out LiveSession? done));
        Assert.Equal(SessionStatus.Done, done.Status);

        harness.Time.Advance(harness.Options.CompletedGracePeriod - TimeSpan.FromSeconds(1));
        await harness.ReconcileAsync();
        Assert.True(harness.Monitor.TryGetSession(ClaudeToolId, out _), "completed before the grace period was over");

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await harness.ReconcileAsync();
        Assert.False(harness.Monitor.TryGetSession(ClaudeToolId, out _), "not completed at the end of the grace period");
        Assert.Empty(harness.Monitor.GetSessions());
    }

    [Fact]
    public async Task A_session_last_active_yesterday_does_not_count_in_todays_totals()
    {
        await using var harness = new MonitorHarness(
            o => o.CompletedGracePeriod = TimeSpan.FromDays(3),
            now: new DateTimeOffset(2026, 11, 24, 0, 30, 0, TimeSpan.Zero));
        harness.Claude.Copy(ClaudeTool);
        await harness.Monitor.StartAsync();
        await harness.ReconcileAsync();
        Assert.True(harness.Monitor.TryGetSession(ClaudeToolId, out LiveSession? session));
        Assert.Equal(new DateTime(2026, 11, 24), session.LastActivityAt!.Value.UtcDateTime.Date);
        Assert.True(session.Tokens.Total > 0);
        Assert.NotNull(session.CostUsd);

        // The last second of the same day: it counts.
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 23, 59, 59, TimeSpan.Zero));
        await harness.ReconcileAsync();
        SessionSummary sameDay = harness.Monitor.GetSummary();
        Assert.Equal(session.Tokens.Total, sameDay.TotalTokensToday);
        Assert.Equal(session.CostUsd, sameDay.TotalCostTodayUsd);

        // Midnight: the session is still shown (done, within its grace period) but it was last active yesterday.
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await harness.ReconcileAsync();
        SessionSummary nextDay = harness.Monitor.GetSummary();
        Assert.True(harness.Monitor.TryGetSession(ClaudeToolId, out _));
        Assert.Equal(1, nextDay.DoneCount);
        Assert.Equal(0, nextDay.TotalTokensToday);
        Assert.Equal(0m, nextDay.TotalCostTodayUsd);
    }
}
