using AgentLive.Processes;
using AgentLive.Sources;
using AgentLive.Tests.Infrastructure;

namespace AgentLive.Tests.Processes;

/// <summary>Matching sessions to processes on the process tables recorded while the real clients ran.</summary>
public sealed class ProcessMatcherTests
{
    private static readonly ClaudeSessionSource Claude = new(new ClaudeSourceOptions { Roots = ["/r/claude"] });
    private static readonly CodexSessionSource Codex = new(new CodexSourceOptions { Roots = ["/r/codex"] });

    /// <summary>The recorded table, with paths under the fake HOME made absolute again.</summary>
    private static (List<AgentProcess> Agents, Func<int, IReadOnlyList<string>> OpenFiles, string Home) Recorded(RealFixture fixture, string checkpoint)
    {
        string home = $"/home/dev/rcx/{fixture.Client}/{fixture.Scenario}/home";
        var processes = new List<ProcessInfo>();
        var files = new Dictionary<int, IReadOnlyList<string>>();
        using var snapshot = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(fixture.Directory, "process-snapshots", checkpoint + ".json")));
        foreach (var p in snapshot.RootElement.GetProperty("processes").EnumerateArray())
        {
            int pid = p.GetProperty("pid").GetInt32();
            processes.Add(new ProcessInfo(
                pid,
                p.GetProperty("ppid").GetInt32(),
                p.GetProperty("comm").GetString()!,
                [.. p.GetProperty("cmdline").EnumerateArray().Select(a => a.GetString()!)],
                p.GetProperty("cwd").GetString(),
                null,
                p.GetProperty("starttime_ticks").GetUInt64(),
                0));
            files[pid] = p.TryGetProperty("fds", out var fds) && fds.ValueKind == System.Text.Json.JsonValueKind.Object
                ? [.. fds.EnumerateObject().Select(fd => fd.Value.GetProperty("target").GetString()!.Replace("HOME/", home + "/", StringComparison.Ordinal))]
                : [];
        }

        var agents = processes
            .Select(p => Claude.ClassifyProcess(p) == AgentProcessRole.Agent ? new AgentProcess(p, "claude")
                : Codex.ClassifyProcess(p) == AgentProcessRole.Agent ? new AgentProcess(p, "codex")
                : (AgentProcess?)null)
            .OfType<AgentProcess>()
            .ToList();
        return (agents, pid => files.GetValueOrDefault(pid, []), home);
    }

    private static SessionCandidate Candidate(RealFixture fixture, string home) => new(
        $"{fixture.Client}:{fixture.Expected.GetProperty("session_id").GetString()}",
        fixture.Client,
        fixture.Transcript.Replace(fixture.Directory + "/" + fixture.Client, home + "/." + fixture.Client, StringComparison.Ordinal),
        fixture.Expected.GetProperty("session_id").GetString(),
        fixture.Expected.GetProperty("cwd").GetString(),
        null);

    [Theory]
    [InlineData("claude", "c_tool_sleep", "midturn-tool-running", 29661)]
    [InlineData("claude", "f_interrupt_tui", "tool-running", 30085)]
    [InlineData("codex", "c_tool_sleep", "midturn-tool-running", 31138)]
    [InlineData("codex", "f_interrupt_tui", "tool-running", 2442)]
    [InlineData("codex", "g_interactive_tui", "tui1-idle-alive", 32678)]
    [InlineData("codex", "g_interactive_tui", "tui2-idle-alive", 431)]
    [InlineData("codex", "h_approval_wait_tui", "waiting-approval", 2666)]
    public void Each_live_session_gets_its_agents_pid_never_a_launcher_daemon_or_tool_shell(string client, string scenario, string checkpoint, int expected)
    {
        RealFixture fixture = RealFixture.Load(client, scenario);
        var (agents, openFiles, home) = Recorded(fixture, checkpoint);
        SessionCandidate session = Candidate(fixture, home);

        ProcessMatches matches = ProcessMatcher.Match([session], agents, new Dictionary<string, int>(), openFiles, workingDirectoriesKnown: true);

        // The expected pid is the recording's terminal `codex`/`claude` (the child of the node launcher, the parent of the daemon).
        ProcessInfo process = matches.Matched[session.Key];
        Assert.Equal(expected, process.Pid);

        // The agent is the native client: not node, not the app-server daemon, not a shell.
        Assert.Equal(client == "claude" ? "claude" : "codex", process.Name);
        Assert.DoesNotContain("app-server", process.CommandLine);
    }

    [Fact]
    public void After_the_terminal_ui_quits_the_daemon_alone_means_no_process()
    {
        RealFixture fixture = RealFixture.Load("codex", "g_interactive_tui");
        var (agents, openFiles, home) = Recorded(fixture, "tui1-after-quit");
        SessionCandidate session = Candidate(fixture, home);

        ProcessMatches matches = ProcessMatcher.Match([session], agents, new Dictionary<string, int>(), openFiles, workingDirectoriesKnown: true);

        Assert.Empty(matches.Matched);
        Assert.Contains(session.Key, matches.Absent);
    }

    [Fact]
    public void The_codex_exec_process_is_found_by_the_rollout_it_holds_open()
    {
        RealFixture fixture = RealFixture.Load("codex", "c_tool_sleep");
        var (agents, openFiles, home) = Recorded(fixture, "midturn-tool-running");

        // Another session in the same directory: the open rollout, not the directory, decides.
        SessionCandidate other = Candidate(fixture, home) with { Key = "codex:other", TranscriptPath = "/elsewhere.jsonl", SessionId = "other" };
        SessionCandidate session = Candidate(fixture, home);

        ProcessMatches matches = ProcessMatcher.Match([other, session], agents, new Dictionary<string, int>(), openFiles, workingDirectoriesKnown: true);

        Assert.Equal(31138, matches.Matched[session.Key].Pid);
        Assert.False(matches.Matched.ContainsKey(other.Key));
    }

    [Fact]
    public void Two_agents_in_one_directory_each_get_the_session_they_started()
    {
        var t0 = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
        ProcessInfo first = Agent(100, t0);
        ProcessInfo second = Agent(200, t0.AddMinutes(5));
        SessionCandidate older = new("claude:a", "claude", "/a.jsonl", "a", "/w/app", t0.AddMinutes(1));
        SessionCandidate newer = new("claude:b", "claude", "/b.jsonl", "b", "/w/app", t0.AddMinutes(6));

        ProcessMatches matches = ProcessMatcher.Match([older, newer], [new(first, "claude"), new(second, "claude")], new Dictionary<string, int>(), _ => [], true);

        Assert.Equal(100, matches.Matched["claude:a"].Pid);
        Assert.Equal(200, matches.Matched["claude:b"].Pid);
    }

    [Fact]
    public void A_reported_pid_wins_and_a_resume_names_its_session()
    {
        var t0 = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
        ProcessInfo reported = Agent(100, t0);
        ProcessInfo resumer = Agent(200, t0) with { CommandLine = ["claude", "--resume", "b"] };
        SessionCandidate a = new("claude:a", "claude", "/a.jsonl", "a", "/w/app", t0.AddMinutes(1));
        SessionCandidate b = new("claude:b", "claude", "/b.jsonl", "b", "/w/app", t0.AddMinutes(1));

        ProcessMatches matches = ProcessMatcher.Match([a, b], [new(resumer, "claude"), new(reported, "claude")], new Dictionary<string, int> { ["claude:a"] = 100 }, _ => [], true);

        Assert.Equal(100, matches.Matched["claude:a"].Pid);
        Assert.Equal(200, matches.Matched["claude:b"].Pid);
    }

    [Fact]
    public void An_agent_started_after_the_session_is_not_its_process()
    {
        var t0 = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
        SessionCandidate session = new("claude:a", "claude", "/a.jsonl", "a", "/w/app", t0);

        ProcessMatches matches = ProcessMatcher.Match([session], [new(Agent(100, t0.AddMinutes(3)), "claude")], new Dictionary<string, int>(), _ => [], true);

        Assert.Empty(matches.Matched);
        Assert.Empty(matches.Absent);
    }

    private static ProcessInfo Agent(int pid, DateTimeOffset started) =>
        new(pid, 1, "claude", ["claude"], "/w/app", started, (ulong)pid, 0);
}
