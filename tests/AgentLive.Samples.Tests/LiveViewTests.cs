using AgentLive.Samples.Views;
using AgentLive.State;
using Spectre.Console.Testing;

namespace AgentLive.Samples.Tests;

public sealed class LiveViewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static LiveSession Session(string id, string source, SessionStatus status, AgentState state, string? activity = null) => new()
    {
        Id = id,
        Source = source,
        SourceSessionId = id,
        FilePath = "/x.jsonl",
        ProjectPath = "/home/me/webshop",
        ProjectName = "webshop",
        GitBranch = "main",
        Status = status,
        AgentState = state,
        CurrentActivity = activity,
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
            Session("claude:a", "claude", SessionStatus.Working, new AgentState(AgentStateKind.ToolRunning, "Running Bash: npm test"), "Bash: npm test"),
            Session("codex:b", "codex", SessionStatus.Paused, new AgentState(AgentStateKind.AwaitingPermission, "Waiting for approval: rm -rf build")),
        ];

        console.Write(SessionView.Render(sessions, new SessionSummary(1, 1, 83_400, 1.25m), Now));

        string screen = console.Output;
        Assert.Contains("needs you: 1", screen, StringComparison.Ordinal);
        Assert.Contains("autonomous: 1", screen, StringComparison.Ordinal);
        Assert.Contains("83.4k tokens, $1.25", screen, StringComparison.Ordinal);
        Assert.Contains("claude", screen, StringComparison.Ordinal);
        Assert.Contains("codex", screen, StringComparison.Ordinal);
        Assert.Contains("Running Bash: npm test", screen, StringComparison.Ordinal);
        Assert.Contains("Waiting for approval: rm -rf build", screen, StringComparison.Ordinal);
        Assert.Contains("41.7k", screen, StringComparison.Ordinal);
        Assert.Contains("$0.0345", screen, StringComparison.Ordinal);
        Assert.Contains("42s", screen, StringComparison.Ordinal);
        Assert.Contains("4242", screen, StringComparison.Ordinal);
        Assert.True(screen.IndexOf("working", StringComparison.Ordinal) < screen.IndexOf("paused", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_table_says_so()
    {
        var console = new TestConsole().Width(160);

        console.Write(SessionView.Render([], new SessionSummary(0, 0, 0, 0), Now));

        Assert.Contains("no sessions yet", console.Output, StringComparison.Ordinal);
    }
}
