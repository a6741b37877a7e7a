using System.Reflection;
using System.Text;
using System.Text.Json;

namespace AgentLive.Tests.Serialization;

/// <summary>
/// The wire contract, pinned: a session with every field set (its sub-agents', activities' and token counts' too) is
/// serialized and compared exactly with a golden file, so a dropped, renamed or reformatted field fails; and the
/// golden file reads back into an equal session.
/// </summary>
public sealed class GoldenJsonTests
{
    private static readonly DateTimeOffset Started = new(2026, 11, 24, 9, 58, 1, 250, TimeSpan.Zero);
    private static readonly DateTimeOffset Last = new(2026, 11, 24, 10, 4, 30, 5, TimeSpan.Zero);

    public static TheoryData<string> Goldens => new() { "session-claude.json", "session-codex.json" };

    private static LiveSession Full(string name) => name switch
    {
        "session-claude.json" => new LiveSession
        {
            Id = "claude:2888b61d-42ad-4c69-9f91-e136753c80c6",
            Source = "claude",
            SourceSessionId = "2888b61d-42ad-4c69-9f91-e136753c80c6",
            FilePath = "/home/dev/.claude/projects/-home-dev-proj/2888b61d-42ad-4c69-9f91-e136753c80c6.jsonl",
            ProjectPath = "/home/dev/proj",
            ProjectName = "proj",
            GitBranch = "feature/fixture-b",
            State = new AgentState(AgentStateKind.ToolRunning, "Running: npm test", StateEvidence.Transcript | StateEvidence.LiveReport),
            Title = "Fix the flaky test",
            LastUserMessage = "Run the tests again",
            Activity = new AgentActivity { Tool = "Bash", Target = "npm test", Description = "Run the tests" },
            TurnCount = 3,
            Model = "claude-sonnet-4-5",
            Tokens = new TokenUsage(1200, 340, 56000, 7800, 12),
            ContextWindowTokens = 65000,
            ContextWindowSize = 200000,
            CostUsd = 0.0523m,
            StartedAt = Started,
            LastActivityAt = Last,
            Pid = 4242,
            ParentSessionId = "claude:1d7e0c55-0000-4c69-9f91-e136753c80c6",
            SubAgents =
            [
                new SubAgentInfo
                {
                    Id = "toolu_01",
                    AgentId = "a1b2c3",
                    AgentType = "Explore",
                    Description = "Find the flaky test",
                    Status = SubAgentStatus.Completed,
                    Activity = new AgentActivity { Tool = "Grep", Target = "Flaky", Description = "Search the tests" },
                    StartedAt = Started.AddSeconds(30),
                    Tokens = new TokenUsage(10, 20, 30, 40, 5),
                },
            ],
        },
        _ => new LiveSession
        {
            Id = "codex:01a20af1-9deb-72a0-b082-b49752aa3a70",
            Source = "codex",
            SourceSessionId = "01a20af1-9deb-72a0-b082-b49752aa3a70",
            FilePath = "/home/dev/.codex/sessions/2026/11/24/rollout-2026-11-24T09-58-01-01a20af1-9deb-72a0-b082-b49752aa3a70.jsonl",
            ProjectPath = "/home/dev/proj",
            ProjectName = "proj",
            GitBranch = "main",
            State = new AgentState(AgentStateKind.AwaitingPermission, "Waiting for approval: make deploy", StateEvidence.Transcript | StateEvidence.ProcessTree | StateEvidence.Time),
            Title = "Deploy the site",
            LastUserMessage = "Deploy it",
            Activity = new AgentActivity { Tool = "exec_command", Target = "make deploy", Description = "Deploy" },
            TurnCount = 1,
            Model = "gpt-5-codex",
            Tokens = new TokenUsage(900, 450, 3000, 25, 128),
            ContextWindowTokens = 4350,
            ContextWindowSize = 272000,
            CostUsd = 1.25m,
            StartedAt = Started,
            LastActivityAt = Last,
            Pid = 777,
            ParentSessionId = "codex:01a20af1-0000-72a0-b082-b49752aa3a70",
            SubAgents =
            [
                new SubAgentInfo
                {
                    Id = "call_7",
                    AgentId = "worker-1",
                    AgentType = "worker",
                    Description = "Build the assets",
                    Status = SubAgentStatus.Running,
                    Activity = new AgentActivity { Tool = "exec_command", Target = "npm run build", Description = "Build" },
                    StartedAt = Started.AddMinutes(1),
                    Tokens = new TokenUsage(1, 2, 3, 4, 1),
                },
            ],
        },
    };

    private static string GoldenPath(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "golden", name);

    /// <summary>The serializer's output laid out like the golden file (indented; names, order and values untouched).</summary>
    private static string Indented(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    [Theory]
    [MemberData(nameof(Goldens))]
    public void A_fully_populated_session_serializes_exactly_as_the_golden_file(string name)
    {
        string golden = File.ReadAllText(GoldenPath(name)).ReplaceLineEndings("\n");

        Assert.Equal(golden, Indented(AgentLiveJson.Serialize(Full(name))));
    }

    [Theory]
    [MemberData(nameof(Goldens))]
    public void The_golden_file_reads_back_into_an_equal_session(string name)
    {
        LiveSession? back = AgentLiveJson.DeserializeSession(File.ReadAllText(GoldenPath(name)));

        Assert.NotNull(back);
        Assert.Equal(Full(name), back);
        Assert.Equal(Full(name).SubAgents[0].Tokens, back.SubAgents[0].Tokens);
        Assert.Equal(Full(name).Activity, back.Activity);
    }

    /// <summary>So that the golden files stay complete: a field added to the contract must be set here and show up.</summary>
    [Theory]
    [MemberData(nameof(Goldens))]
    public void Every_public_field_is_set_and_written(string name)
    {
        LiveSession session = Full(name);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(GoldenPath(name)));
        JsonElement root = json.RootElement;

        AssertAllWritten(typeof(LiveSession), session, root);
        AssertAllWritten(typeof(AgentActivity), session.Activity!, root.GetProperty("activity"));
        AssertAllWritten(typeof(TokenUsage), session.Tokens, root.GetProperty("tokens"));
        AssertAllWritten(typeof(AgentState), session.State, root.GetProperty("state"), except: ["Status"]);
        SubAgentInfo sub = Assert.Single(session.SubAgents);
        JsonElement subJson = root.GetProperty("subAgents")[0];
        AssertAllWritten(typeof(SubAgentInfo), sub, subJson);
        AssertAllWritten(typeof(AgentActivity), sub.Activity!, subJson.GetProperty("activity"));
        AssertAllWritten(typeof(TokenUsage), sub.Tokens, subJson.GetProperty("tokens"));
    }

    private static void AssertAllWritten(Type type, object value, JsonElement json, string[]? except = null)
    {
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract" || (except?.Contains(property.Name) ?? false))
            {
                continue;
            }

            string camel = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            Assert.True(json.TryGetProperty(camel, out JsonElement written), $"{type.Name}.{property.Name} is not written as '{camel}'");
            Assert.NotEqual(JsonValueKind.Null, written.ValueKind);
            object? set = property.GetValue(value);
            Assert.NotNull(set);
            Assert.False(
                set is 0 or 0L or 0m || (set is string s && s.Length == 0) || (set is System.Collections.ICollection c && c.Count == 0),
                $"{type.Name}.{property.Name} is left at its default in the golden session");
        }
    }
}
