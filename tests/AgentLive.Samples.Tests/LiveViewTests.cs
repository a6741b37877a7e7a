using AgentLive.Samples.Views;
using Spectre.Console.Testing;

namespace AgentLive.Samples.Tests;

public sealed class LiveViewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static LiveSession Session(string id, string source, AgentState state, AgentActivity? activity = null) => new()
    {
        Id = id,
        Source = source,
        SourceSessionId = id,
        FilePath = "/x.jsonl",
        ProjectPath = "/home/me/webshop",
        ProjectName = "webshop",
        GitBranch = "main",
        State = state,
        Activity = activity,
        Model = "claude-sonnet-4-5",
        Tokens = new TokenUsage(1000, 200, 40_000, 500, 0),
        CostUsd = 0.0345m,
        LastActivityAt = Now.AddSeconds(-42),
        Pid = 4242,
    };

    [Fact]
    public void The_table_shows_every_session_and_the_summary()
    {
        var console = new TestConsole().Width(220);
        LiveSession[] sessions =
        [
            Session("claude:a", "claude", new AgentState(AgentStateKind.ToolRunning, "Running Bash: npm test"), new AgentActivity { Tool = "Bash", Target = "npm test" }),
            Session("codex:b", "codex", new AgentState(AgentStateKind.AwaitingPermission, "Waiting for approval: rm -rf build")),
        ];

        console.Write(SessionView.Render(sessions, new SessionSummary { NeedsYouCount = 1, WorkingCount = 1, TotalTokensToday = 83_400, TotalCostTodayUsd = 1.25m }, Now));

        string screen = console.Output;
        Assert.Contains("needs you: 1", screen, StringComparison.Ordinal);
        Assert.Contains("working: 1", screen, StringComparison.Ordinal);
        Assert.Contains("83.4k tokens, $1.25", screen, StringComparison.Ordinal);
        Assert.Contains("claude", screen, StringComparison.Ordinal);
        Assert.Contains("codex", screen, StringComparison.Ordinal);
        Assert.Contains("Running Bash: npm test", screen, StringComparison.Ordinal);
        Assert.Contains("Waiting for approval: rm -rf build", screen, StringComparison.Ordinal);
        Assert.Contains("41.7k", screen, StringComparison.Ordinal);
        Assert.Contains("$0.0345", screen, StringComparison.Ordinal);
        Assert.Contains("42s", screen, StringComparison.Ordinal);
        Assert.Contains("4242", screen, StringComparison.Ordinal);
        // Who needs you comes first.
        Assert.True(screen.IndexOf("Waiting for approval", StringComparison.Ordinal) < screen.IndexOf("Running Bash", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_table_says_so()
    {
        var console = new TestConsole().Width(160);

        console.Write(SessionView.Render([], new SessionSummary(), Now));

        Assert.Contains("no sessions yet", console.Output, StringComparison.Ordinal);
    }
}
