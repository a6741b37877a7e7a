using System.Text.RegularExpressions;
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
    public void Sessions_the_monitor_cannot_see_are_told_apart_counted_and_listed_after_those_that_need_you()
    {
        var console = new TestConsole().Width(220).EmitAnsiSequences();
        LiveSession[] sessions =
        [
            Session("claude:w", "claude", new AgentState(AgentStateKind.Delegating, "Waiting for a sub-agent: explore the code", StateEvidence.Transcript)),
            Session("claude:b", "claude", new AgentState(AgentStateKind.BackgroundTask, "Running in the background: npm run dev", StateEvidence.LiveReport)),
            Session("codex:u", "codex", new AgentState(AgentStateKind.NotRecorded, "No transcript: the agent runs but writes none", StateEvidence.ProcessTree)) with { FilePath = "", LastActivityAt = null },
            Session("codex:n", "codex", new AgentState(AgentStateKind.AwaitingInput, "Asking you a question")),
        ];

        console.Write(SessionView.Render(sessions, new SessionSummary { NeedsYouCount = 1, WorkingCount = 2, UnknownCount = 1 }, Now));

        string screen = console.Output;
        string plain = Regex.Replace(screen, "\u001b\\[[0-9;]*m", string.Empty);
        Assert.Contains("unknown: 1", plain, StringComparison.Ordinal);
        Assert.Contains("not recorded", plain, StringComparison.Ordinal);
        Assert.Contains("working · delegating", plain, StringComparison.Ordinal);
        Assert.Contains("working · background", plain, StringComparison.Ordinal);

        // Magenta (colour 13 of 256) for what the monitor cannot see, distinct from the yellow and green of the others.
        int row = screen.IndexOf("No transcript: the agent runs but writes none", StringComparison.Ordinal);
        Assert.EndsWith("\u001b[38;5;13m", screen[..row], StringComparison.Ordinal);

        // Order: needs you, then unknown, then working.
        Assert.True(screen.IndexOf("Asking you a question", StringComparison.Ordinal) < row);
        Assert.True(row < screen.IndexOf("Waiting for a sub-agent", StringComparison.Ordinal));
    }

    [Fact]
    public void The_summary_line_counts_unknown_sessions_only_when_there_are_some()
    {
        var console = new TestConsole().Width(160);

        console.Write(SessionView.Render([], new SessionSummary { WorkingCount = 2 }, Now));

        Assert.DoesNotContain("unknown", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_table_says_so()
    {
        var console = new TestConsole().Width(160);

        console.Write(SessionView.Render([], new SessionSummary(), Now));

        Assert.Contains("no sessions yet", console.Output, StringComparison.Ordinal);
    }
}
