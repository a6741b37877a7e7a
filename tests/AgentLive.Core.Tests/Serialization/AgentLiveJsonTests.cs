using System.Text.Json;
using AgentLive.Events;
using AgentLive.Serialization;
using AgentLive.State;

namespace AgentLive.Tests.Serialization;

public sealed class AgentLiveJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, 123, TimeSpan.FromHours(1));

    private static readonly LiveSession Session = new()
    {
        Id = "codex:t1",
        Source = "codex",
        SourceSessionId = "t1",
        FilePath = "/h/.codex/sessions/rollout-x.jsonl",
        Status = SessionStatus.Paused,
        AgentState = new AgentState(AgentStateKind.AwaitingPermission, "Waiting for approval: rm -rf build"),
        Tokens = new TokenUsage(1, 2, 3, 4, 1),
        StartedAt = At,
        SubAgents = [new SubAgentInfo("toolu_1", "a1", "Explore", "Find it", true, null, "Grep", At, default)],
    };

    [Fact]
    public void A_session_is_camel_case_with_state_words_utc_times_and_explicit_nulls()
    {
        using JsonDocument json = JsonDocument.Parse(AgentLiveJson.Serialize(Session));
        JsonElement root = json.RootElement;

        Assert.Equal("paused", root.GetProperty("status").GetString());
        Assert.Equal("needs_you", root.GetProperty("agentState").GetProperty("group").GetString());
        Assert.Equal("awaiting_permission", root.GetProperty("agentState").GetProperty("state").GetString());
        Assert.Equal("2026-11-24T09:00:00.123Z", root.GetProperty("startedAt").GetString());
        Assert.Equal(10, root.GetProperty("tokens").GetProperty("total").GetInt64());
        Assert.Equal(4, root.GetProperty("tokens").GetProperty("cacheCreation").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("pid").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("gitBranch").ValueKind);
        Assert.Equal("Grep", root.GetProperty("subAgents")[0].GetProperty("currentActivity").GetString());
    }

    [Fact]
    public void A_session_survives_a_round_trip()
    {
        LiveSession? back = AgentLiveJson.DeserializeSession(AgentLiveJson.Serialize(Session));

        Assert.Equal(Session with { StartedAt = Session.StartedAt!.Value.ToUniversalTime() }, back);
    }

    [Fact]
    public void Events_carry_their_type_word()
    {
        Assert.StartsWith("""{"type":"session_discovered","session":{"id":"codex:t1",""", AgentLiveJson.Serialize(new SessionDiscovered(At, Session)), StringComparison.Ordinal);
        Assert.StartsWith("""{"type":"session_updated","session":""", AgentLiveJson.Serialize(new SessionUpdated(At, Session)), StringComparison.Ordinal);
        Assert.Equal("""{"type":"session_completed","sessionId":"codex:t1","timestamp":"2026-11-24T09:00:00.123Z"}""", AgentLiveJson.Serialize(new SessionCompleted(At, "codex:t1")));
        Assert.Equal(
            """{"type":"summary","needsYouCount":2,"autonomousCount":1,"totalTokensToday":5000,"totalCostTodayUsd":1.5,"timestamp":"2026-11-24T09:00:00.123Z"}""",
            AgentLiveJson.Serialize(new SummaryChanged(At, new SessionSummary(2, 1, 5000, 1.5m))));
    }
}
