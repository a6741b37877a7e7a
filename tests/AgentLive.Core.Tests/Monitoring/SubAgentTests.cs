namespace AgentLive.Tests.Monitoring;

/// <summary>Claude Code 2.1 writes each sub-agent's transcript beside its parent's: the monitor folds it into the parent.</summary>
public sealed class SubAgentTests
{
    private const string Time = "2026-11-24T00:30:00.000Z";

    [Fact]
    public async Task A_sub_agent_transcript_adds_its_tokens_and_activity_to_the_parent_session()
    {
        await using var harness = new MonitorHarness(now: new DateTimeOffset(2026, 11, 24, 0, 30, 5, TimeSpan.Zero));
        string folder = Path.Combine(harness.Claude.Path, "projects", "-w-app");
        Directory.CreateDirectory(Path.Combine(folder, "s1", "subagents"));
        await File.WriteAllLinesAsync(Path.Combine(folder, "s1.jsonl"),
        [
            $$$"""{"type":"user","message":{"role":"user","content":"Find the bug"},"timestamp":"{{{Time}}}","sessionId":"s1","cwd":"/w/app"}""",
            $$$"""{"type":"assistant","message":{"id":"m1","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"tool_use","id":"toolu_a","name":"Agent","input":{"description":"Search the code","subagent_type":"Explore"}}],"stop_reason":"tool_use","usage":{"input_tokens":100,"output_tokens":10}},"timestamp":"{{{Time}}}","sessionId":"s1"}""",
        ]);
        await File.WriteAllLinesAsync(Path.Combine(folder, "s1", "subagents", "agent-a1.jsonl"),
        [
            $$$"""{"type":"user","isSidechain":true,"agentId":"a1","message":{"role":"user","content":"Search the code"},"timestamp":"{{{Time}}}","sessionId":"s1"}""",
            $$$"""{"type":"assistant","isSidechain":true,"agentId":"a1","message":{"id":"m9","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"tool_use","id":"t9","name":"Grep","input":{"pattern":"TODO"}}],"stop_reason":"tool_use","usage":{"input_tokens":40,"output_tokens":4}},"timestamp":"{{{Time}}}","sessionId":"s1"}""",
        ]);

        await harness.Monitor.StartAsync();

        LiveSession session = Assert.Single(harness.Monitor.GetSessions());
        Assert.Equal("claude:s1", session.Id);
        Assert.Equal(100 + 10 + 40 + 4, session.Tokens.Total);
        SubAgentInfo agent = Assert.Single(session.SubAgents);
        Assert.Equal("toolu_a", agent.Id);
        Assert.Equal("Explore", agent.AgentType);
        Assert.Equal("Search the code", agent.Description);
        Assert.Equal("a1", agent.AgentId);
        Assert.Equal(44, agent.Tokens.Total);
        Assert.Equal(new AgentActivity { Tool = "Grep", Target = "TODO" }, agent.Activity);
    }

    [Fact]
    public async Task A_sub_agent_file_without_its_parent_is_not_a_session()
    {
        await using var harness = new MonitorHarness(now: new DateTimeOffset(2026, 11, 24, 0, 30, 5, TimeSpan.Zero));
        string folder = Path.Combine(harness.Claude.Path, "projects", "-w-app", "orphan", "subagents");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "agent-z.jsonl"),
            $$$"""{"type":"user","isSidechain":true,"message":{"role":"user","content":"x"},"timestamp":"{{{Time}}}","sessionId":"orphan"}""" + "\n");

        await harness.Monitor.StartAsync();

        Assert.Empty(harness.Monitor.GetSessions());
    }
}
