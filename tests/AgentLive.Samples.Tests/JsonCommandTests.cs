using System.Text.Json;

namespace AgentLive.Samples.Tests;

/// <summary>The scriptable commands, end to end: a real process over roots holding real transcripts.</summary>
public sealed class JsonCommandTests
{
    private static readonly string[] Roots = ["--claude-root", HostProcess.ClaudeRoot, "--codex-root", HostProcess.CodexRoot, "--lookback", "3650d", "--no-processes"];

    [Fact]
    public async Task Snapshot_prints_every_session_as_a_json_array_in_the_documented_shape()
    {
        (int code, string output, string error) = await HostProcess.RunAsync(["snapshot", "--json", .. Roots]);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement[] sessions = [.. json.RootElement.EnumerateArray()];
        Assert.Equal(2, sessions.Length);

        JsonElement claude = sessions.Single(s => s.GetProperty("source").GetString() == "claude");
        Assert.Equal("claude:2888b61d-42ad-4c69-9f91-e136753c80c6", claude.GetProperty("id").GetString());
        Assert.Equal("2888b61d-42ad-4c69-9f91-e136753c80c6", claude.GetProperty("sourceSessionId").GetString());
        Assert.Equal("proj", claude.GetProperty("projectName").GetString());
        Assert.Equal("feature/fixture-b", claude.GetProperty("gitBranch").GetString());
        Assert.Equal("done", claude.GetProperty("status").GetString());
        Assert.False(claude.GetProperty("needsYou").GetBoolean());
        Assert.Equal("session_ended", claude.GetProperty("state").GetProperty("kind").GetString());
        JsonElement tokens = claude.GetProperty("tokens");
        Assert.Equal(1580, tokens.GetProperty("input").GetInt64());
        Assert.Equal(51, tokens.GetProperty("output").GetInt64());
        Assert.Equal(13900, tokens.GetProperty("cacheRead").GetInt64());
        Assert.Equal(560, tokens.GetProperty("cacheCreation").GetInt64());
        Assert.Equal(16091, tokens.GetProperty("total").GetInt64());
        Assert.Equal(JsonValueKind.Null, claude.GetProperty("pid").ValueKind);
        Assert.EndsWith("Z", claude.GetProperty("startedAt").GetString(), StringComparison.Ordinal);
        foreach (string field in (string[])["filePath", "projectPath", "title", "lastUserMessage", "activity", "turnCount", "model", "contextWindowTokens", "costUsd", "lastActivityAt", "subAgents"])
        {
            Assert.True(claude.TryGetProperty(field, out _), field);
        }

        // Recorded long ago, and no process is watched: past the done threshold the finished Codex turn is done too.
        JsonElement codex = sessions.Single(s => s.GetProperty("source").GetString() == "codex");
        Assert.Equal("done", codex.GetProperty("status").GetString());
        Assert.Equal("gpt-6.1-sol", codex.GetProperty("model").GetString());
        Assert.Equal(JsonValueKind.Null, codex.GetProperty("costUsd").ValueKind);
    }

    [Fact]
    public async Task Messages_prints_the_conversation_and_an_unknown_id_exits_2_with_one_line()
    {
        (int code, string output, _) = await HostProcess.RunAsync(["messages", "codex:01a20af1-9deb-72a0-b082-b49752aa3a70", "--json", .. Roots]);
        Assert.Equal(0, code);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal("Run echo hi", json.RootElement[0].GetProperty("text").GetString());
        Assert.Equal("user", json.RootElement[0].GetProperty("role").GetString());

        (int unknown, string nothing, string error) = await HostProcess.RunAsync(["messages", "claude:nope", "--json", .. Roots]);
        Assert.Equal(2, unknown);
        Assert.Equal("", nothing);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("claude:nope", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_prints_one_event_per_line_until_standard_input_closes()
    {
        using HostProcess host = HostProcess.Start(["watch", "--json", .. Roots]);
        var events = new List<JsonElement>();
        while (events.Count < 3)
        {
            events.Add(await host.NextEventAsync());
        }

        host.Input.Close();

        Assert.Equal(0, await host.WaitForExitAsync());
        Assert.Equal(["session_discovered", "session_discovered", "summary"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(0, events[2].GetProperty("workingCount").GetInt32());
        Assert.Equal(2, events[2].GetProperty("doneCount").GetInt32());
        Assert.True(events[2].TryGetProperty("totalCostTodayUsd", out _));
        Assert.True(events[0].GetProperty("session").TryGetProperty("state", out _));
    }

    [Fact]
    public async Task Stop_of_an_unknown_session_exits_2_and_of_a_session_without_a_process_exits_3()
    {
        (int unknown, _, string error) = await HostProcess.RunAsync(["stop", "codex:missing", .. Roots]);
        (int noProcess, string output, _) = await HostProcess.RunAsync(["stop", "codex:01a20af1-9deb-72a0-b082-b49752aa3a70", .. Roots]);

        Assert.Equal(2, unknown);
        Assert.Contains("codex:missing", error, StringComparison.Ordinal);
        Assert.Equal(3, noProcess);
        Assert.Contains("no live agent process", output, StringComparison.Ordinal);
    }
}
