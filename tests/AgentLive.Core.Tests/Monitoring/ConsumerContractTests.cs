using AgentLive.Tests.Infrastructure;

namespace AgentLive.Tests.Monitoring;

/// <summary>
/// What a consumer does with the public contract alone: react once to each transition into "needs you", read a
/// session by id, and read a completed session's final tokens from the event.
/// </summary>
public sealed class ConsumerContractTests
{
    private static readonly RealFixture CodexTool = RealFixture.Load("codex", "b_tool_echo");
    private const string CodexId = "codex:01a20af1-9deb-72a0-b082-b49752aa3a70";

    [Fact]
    public async Task A_real_turn_replayed_line_by_line_starts_needing_you_exactly_once()
    {
        await using var harness = new MonitorHarness(now: new DateTimeOffset(2026, 11, 24, 0, 25, 40, TimeSpan.Zero));
        byte[][] lines = [.. RealFixture.Lines(CodexTool.Transcript)];
        string path = harness.Codex.PlaceFor(CodexTool);
        await MonitorHarness.AppendAsync(path, lines.Take(1));
        await harness.WaitForAsync<SessionDiscovered>();

        for (int i = 1; i < lines.Length; i++)
        {
            await MonitorHarness.AppendAsync(path, [lines[i]]);
            await harness.ReconcileAsync();
        }

        // One prompt, one turn: the session works, then the finished turn waits for the next prompt.
        SessionUpdated last = await harness.WaitForAsync<SessionUpdated>(u => u.Session.State.Kind == AgentStateKind.TaskComplete, advance: false);
        Assert.True(last.Session.NeedsYou);
        SessionUpdated[] updates = [.. harness.Seen.OfType<SessionUpdated>()];
        Assert.Contains(updates, u => u.Session.Status == SessionStatus.Working);
        Assert.Single(updates, u => u.Session.NeedsYou && !u.Previous.NeedsYou);

        // Every update's Previous is the snapshot the subscriber saw just before it.
        LiveSession? seen = null;
        foreach (SessionChanged change in harness.Seen.OfType<SessionChanged>())
        {
            if (change is SessionUpdated update)
            {
                Assert.Same(seen, update.Previous);
            }

            seen = change.Session;
        }
    }

    [Fact]
    public async Task A_session_is_read_by_id_and_an_unknown_id_is_an_answer_everywhere()
    {
        await using var harness = new MonitorHarness(now: new DateTimeOffset(2026, 11, 24, 0, 25, 40, TimeSpan.Zero));
        harness.Codex.Copy(CodexTool);
        await harness.Monitor.StartAsync();

        Assert.True(harness.Monitor.TryGetSession(CodexId, out LiveSession? session));
        Assert.Equal(CodexId, session.Id);
        Assert.Equal(4949, session.Tokens.Total);

        Assert.False(harness.Monitor.TryGetSession("codex:unknown", out LiveSession? none));
        Assert.Null(none);
        Assert.Null(await harness.Monitor.GetMessagesAsync("codex:unknown"));
        Assert.Equal(StopOutcome.UnknownSession, (await harness.Monitor.StopSessionAsync("codex:unknown")).Outcome);
    }

    [Fact]
    public async Task A_completed_session_carries_its_final_tokens()
    {
        await using var harness = new MonitorHarness(now: new DateTimeOffset(2026, 11, 24, 0, 25, 40, TimeSpan.Zero));
        string path = harness.Codex.Copy(CodexTool);
        await harness.WaitForAsync<SessionDiscovered>();

        File.Delete(path);
        SessionCompleted completed = await harness.WaitForAsync<SessionCompleted>();

        Assert.Equal(CodexId, completed.Session.Id);
        Assert.Equal(4949, completed.Session.Tokens.Total);
        Assert.Equal("gpt-6.1-sol", completed.Session.Model);
        Assert.False(harness.Monitor.TryGetSession(CodexId, out _));
    }
}
