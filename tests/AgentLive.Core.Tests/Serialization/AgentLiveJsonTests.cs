using System.Text.Json;

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
        State = new AgentState(AgentStateKind.AwaitingPermission, "Waiting for approval: rm -rf build"),
        Activity = new AgentActivity { Tool = "exec_command", Target = "rm -rf build", Description = "Clean the build" },
        Tokens = new TokenUsage(1, 2, 3, 4, 1),
        StartedAt = At,
        SubAgents =
        [
            new SubAgentInfo
            {
                Id = "toolu_1",
                AgentId = "a1",
                AgentType = "Explore",
                Description = "Find it",
                Activity = new AgentActivity { Tool = "Grep", Target = "TODO" },
                StartedAt = At,
            },
        ],
    };

    [Fact]
    public void A_session_is_camel_case_with_state_words_utc_times_and_explicit_nulls()
    {
        using JsonDocument json = JsonDocument.Parse(AgentLiveJson.Serialize(Session));
        JsonElement root = json.RootElement;

        Assert.Equal("needs_you", root.GetProperty("status").GetString());
        Assert.True(root.GetProperty("needsYou").GetBoolean());
        Assert.Equal("awaiting_permission", root.GetProperty("state").GetProperty("kind").GetString());
        Assert.Equal("Waiting for approval: rm -rf build", root.GetProperty("state").GetProperty("label").GetString());
        Assert.False(root.GetProperty("state").TryGetProperty("status", out _));
        Assert.Equal("rm -rf build", root.GetProperty("activity").GetProperty("target").GetString());
        Assert.Equal("Clean the build", root.GetProperty("activity").GetProperty("description").GetString());
        Assert.Equal("exec_command: rm -rf build", root.GetProperty("activity").GetProperty("display").GetString());
        Assert.Equal("2026-11-24T09:00:00.123Z", root.GetProperty("startedAt").GetString());
        Assert.Equal(10, root.GetProperty("tokens").GetProperty("total").GetInt64());
        Assert.Equal(4, root.GetProperty("tokens").GetProperty("cacheCreation").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("pid").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("gitBranch").ValueKind);
        Assert.Equal("Grep: TODO", root.GetProperty("subAgents")[0].GetProperty("activity").GetProperty("display").GetString());
        Assert.Equal("running", root.GetProperty("subAgents")[0].GetProperty("status").GetString());
        Assert.True(root.GetProperty("subAgents")[0].GetProperty("isRunning").GetBoolean());
    }

    [Fact]
    public void A_session_survives_a_round_trip()
    {
        LiveSession? back = AgentLiveJson.DeserializeSession(AgentLiveJson.Serialize(Session));

        Assert.Equal(Session with { StartedAt = Session.StartedAt!.Value.ToUniversalTime() }, back);
    }

    [Fact]
    public void Events_carry_their_type_word_and_whole_sessions()
    {
        LiveSession working = Session with { State = new AgentState(AgentStateKind.Thinking, "Thinking") };
        Assert.StartsWith("""{"type":"session_discovered","session":{"id":"codex:t1",""", AgentLiveJson.Serialize(new SessionDiscovered { Timestamp = At, Session = Session }), StringComparison.Ordinal);

        using (JsonDocument updated = JsonDocument.Parse(AgentLiveJson.Serialize(new SessionUpdated { Timestamp = At, Session = Session, Previous = working })))
        {
            Assert.Equal("session_updated", updated.RootElement.GetProperty("type").GetString());
            Assert.Equal("needs_you", updated.RootElement.GetProperty("session").GetProperty("status").GetString());
            Assert.Equal("working", updated.RootElement.GetProperty("previous").GetProperty("status").GetString());
        }

        using (JsonDocument completed = JsonDocument.Parse(AgentLiveJson.Serialize(new SessionCompleted { Timestamp = At, Session = Session })))
        {
            Assert.Equal("session_completed", completed.RootElement.GetProperty("type").GetString());
            Assert.Equal(10, completed.RootElement.GetProperty("session").GetProperty("tokens").GetProperty("total").GetInt64());
            Assert.Equal("2026-11-24T09:00:00.123Z", completed.RootElement.GetProperty("timestamp").GetString());
        }

        var summary = new SessionSummary { NeedsYouCount = 2, WorkingCount = 1, DoneCount = 3, TotalTokensToday = 5000, TotalCostTodayUsd = 1.5m };
        Assert.Equal(
            """{"type":"summary","needsYouCount":2,"workingCount":1,"doneCount":3,"totalTokensToday":5000,"totalCostTodayUsd":1.5,"timestamp":"2026-11-24T09:00:00.123Z"}""",
            AgentLiveJson.Serialize(new SummaryChanged { Timestamp = At, Summary = summary }));
    }

    [Fact]
    public void A_drift_notice_names_the_source_session_kind_name_and_client_version()
    {
        Assert.Equal(
            """{"type":"format_drift","source":"claude","sessionId":"claude:s1","kind":"line_type","name":"hologram","clientVersion":"2.1.400","timestamp":"2026-11-24T09:00:00.123Z"}""",
            AgentLiveJson.Serialize(new FormatDriftDetected { Timestamp = At, Source = "claude", SessionId = "claude:s1", Kind = UnknownShapeKind.LineType, Name = "hologram", ClientVersion = "2.1.400" }));
        Assert.Contains(
            "\"kind\":\"value\",\"name\":\"event_msg/x\",\"clientVersion\":null",
            AgentLiveJson.Serialize(new FormatDriftDetected { Timestamp = At, Source = "codex", SessionId = "codex:t1", Kind = UnknownShapeKind.Value, Name = "event_msg/x" }),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_and_stop_results_use_snake_case_words()
    {
        string messages = AgentLiveJson.Serialize([new SessionMessage { Role = MessageRole.ToolCall, Text = "ls", ToolName = "Bash" }]);
        Assert.Contains("\"role\":\"tool_call\"", messages, StringComparison.Ordinal);
        Assert.Equal(
            """{"outcome":"unknown_session","pid":null,"message":"No such session."}""",
            AgentLiveJson.Serialize(new StopResult(StopOutcome.UnknownSession, null, "No such session.")));
    }
}
