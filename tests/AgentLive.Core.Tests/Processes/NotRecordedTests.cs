using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AgentLive.Processes;
using AgentLive.Sources;
using AgentLive.Tests.Infrastructure;
using AgentLive.Tests.Monitoring;

namespace AgentLive.Tests.Processes;

/// <summary>
/// Real child processes as agents that write no transcript: a copy of <c>sleep</c> named <c>claude</c> in a project
/// directory. The monitor's scanner shows only this test's processes, so agents of other tests never count.
/// </summary>
public sealed class NotRecordedTests : IDisposable
{
    private const string SessionId = "5b0c9a52-7d1e-4f0a-9c3b-2e8d6f4a1b70";

    private readonly TempDirectory _dir = new();
    private readonly FakeAgents _agents;
    private readonly string _project;

    public NotRecordedTests()
    {
        _project = Directory.CreateDirectory(Path.Combine(_dir.Path, "work", "app")).FullName;
        _agents = new FakeAgents(_dir.Path);
    }

    public void Dispose()
    {
        _agents.Dispose();
        _dir.Dispose();
    }

    [LinuxTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_agent_with_no_transcript_is_a_not_recorded_session_after_the_grace_period_and_only_with_process_detection(bool detect)
    {
        Process agent = StartAgent();
        await using MonitorHarness harness = Harness(detect);
        await harness.Monitor.StartAsync();

        // Within the grace period a fresh client has simply not written its first line yet.
        harness.Time.Advance(StatusThresholds.Default.NotRecordedAfter - TimeSpan.FromSeconds(5));
        await harness.ReconcileAsync();
        Assert.Empty(harness.Monitor.GetSessions());

        harness.Time.Advance(TimeSpan.FromSeconds(10));
        await harness.ReconcileAsync();
        if (!detect)
        {
            Assert.Empty(harness.Monitor.GetSessions());
            return;
        }

        LiveSession session = Assert.Single(harness.Monitor.GetSessions());
        Assert.True(ProcessProbe.TryReadStartTime(agent.Id, out ulong ticks));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"claude:pid-{agent.Id}-{ticks}"), session.Id);
        Assert.Equal(AgentStateKind.NotRecorded, session.State.Kind);
        Assert.Equal(SessionStatus.Unknown, session.Status);
        Assert.Equal("No transcript: the agent runs but writes none", session.State.Label);
        Assert.Equal(StateEvidence.ProcessTree, session.State.Evidence);
        Assert.Equal(agent.Id, session.Pid);
        Assert.Equal(_project, session.ProjectPath);
        Assert.Equal("app", session.ProjectName);
        Assert.Equal(string.Empty, session.FilePath);
        Assert.Equal(1, harness.Monitor.GetSummary().UnknownCount);
        Assert.Empty((await harness.Monitor.GetMessagesAsync(session.Id))!);
    }

    [LinuxFact]
    public async Task A_session_named_by_the_live_report_is_continued_by_its_transcript_when_one_appears()
    {
        Process agent = StartAgent();
        await using MonitorHarness harness = Harness(detect: true);
        await WriteLiveReportAsync(harness, agent, "busy");

        SessionDiscovered found = await harness.WaitForAsync<SessionDiscovered>();
        Assert.Equal($"claude:{SessionId}", found.Session.Id);
        Assert.Equal(AgentStateKind.NotRecorded, found.Session.State.Kind);
        Assert.Equal("Not recorded — the agent reports: working", found.Session.State.Label);
        Assert.Equal(StateEvidence.ProcessTree | StateEvidence.LiveReport, found.Session.State.Evidence);
        Assert.Equal(agent.Id, found.Session.Pid);

        string transcript = await WriteTranscriptAsync(harness, SessionId);
        SessionUpdated taken = await harness.WaitForAsync<SessionUpdated>(u => u.Session.State.Kind != AgentStateKind.NotRecorded);

        Assert.Equal(found.Session.Id, taken.Session.Id);
        Assert.Equal(transcript, taken.Session.FilePath);
        Assert.Equal(SessionStatus.Working, taken.Session.Status);
        Assert.Equal(agent.Id, taken.Session.Pid);
        Assert.Equal(found.Session.Id, Assert.Single(harness.Monitor.GetSessions()).Id);
    }

    [LinuxFact]
    public async Task An_agent_known_by_its_process_alone_gives_way_to_the_transcript_it_starts_writing()
    {
        Process agent = StartAgent();
        await using MonitorHarness harness = Harness(detect: true);
        LiveSession unrecorded = (await harness.WaitForAsync<SessionDiscovered>()).Session;
        Assert.StartsWith("claude:pid-", unrecorded.Id, StringComparison.Ordinal);

        string transcript = await WriteTranscriptAsync(harness, SessionId);
        SessionCompleted gone = await harness.WaitForAsync<SessionCompleted>();
        Assert.Equal(unrecorded.Id, gone.Session.Id);

        // The transcript's session now has the agent; the agent is not shown twice.
        LiveSession session = Assert.Single(harness.Monitor.GetSessions());
        Assert.Equal(transcript, session.FilePath);
        Assert.Equal(agent.Id, session.Pid);
        Assert.NotEqual(SessionStatus.Unknown, session.Status);
    }

    [LinuxFact]
    public async Task A_not_recorded_session_completes_when_its_agent_exits()
    {
        Process agent = StartAgent();
        await using MonitorHarness harness = Harness(detect: true);
        LiveSession unrecorded = (await harness.WaitForAsync<SessionDiscovered>()).Session;

        agent.Kill();
        Assert.True(agent.WaitForExit(MonitorHarness.Patience));

        SessionCompleted completed = await harness.WaitForAsync<SessionCompleted>();
        Assert.Equal(unrecorded.Id, completed.Session.Id);
        Assert.Empty(harness.Monitor.GetSessions());
        Assert.Equal(0, harness.Monitor.GetSummary().UnknownCount);
    }

    [LinuxFact]
    public async Task An_agent_whose_transcript_exists_but_is_quiet_is_an_idle_session_not_a_not_recorded_one()
    {
        Process agent = StartAgent();
        await using MonitorHarness harness = Harness(detect: true);

        // Named by the live report, older than the look-back: known, not read, and certainly not growing.
        string transcript = await WriteTranscriptAsync(harness, SessionId);
        File.SetLastWriteTimeUtc(transcript, (harness.Time.GetUtcNow() - harness.Options.LookBack - TimeSpan.FromHours(1)).UtcDateTime);
        await WriteLiveReportAsync(harness, agent, "idle");
        await harness.Monitor.StartAsync();

        harness.Time.Advance(StatusThresholds.Default.NotRecordedAfter + TimeSpan.FromMinutes(1));
        await harness.ReconcileAsync();

        Assert.Empty(harness.Monitor.GetSessions());
    }

    private MonitorHarness Harness(bool detect) => new(
        o =>
        {
            o.DetectProcesses = detect;
            o.ProcessScanner = new OnlyTheseProcesses(new LinuxProcessScanner(), _agents.Started);
        },
        now: TimeProvider.System.GetUtcNow());

    private Process StartAgent() => _agents.Start(_agents.Binary, _project);

    private async Task WriteLiveReportAsync(MonitorHarness harness, Process agent, string status)
    {
        Assert.True(ProcessProbe.TryReadStartTime(agent.Id, out ulong start));
        string folder = Directory.CreateDirectory(Path.Combine(harness.Claude.Path, "sessions")).FullName;
        long updated = harness.Time.GetUtcNow().ToUnixTimeMilliseconds();
        await File.WriteAllTextAsync(
            Path.Combine(folder, $"{agent.Id}.json"),
            $$"""{"pid":{{agent.Id}},"sessionId":"{{SessionId}}","cwd":{{JsonSerializer.Serialize(_project)}},"procStart":"{{start.ToString(CultureInfo.InvariantCulture)}}","status":"{{status}}","statusUpdatedAt":{{updated}}}""");
    }

    /// <summary>A prompt and a tool call now, in the project directory, where the client keeps its transcripts.</summary>
    private async Task<string> WriteTranscriptAsync(MonitorHarness harness, string sessionId)
    {
        string folder = Directory.CreateDirectory(Path.Combine(harness.Claude.Path, "projects", "-work-app")).FullName;
        string now = harness.Time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        string cwd = JsonSerializer.Serialize(_project);
        string path = Path.Combine(folder, $"{sessionId}.jsonl");
        await File.WriteAllLinesAsync(path,
        [
            $$$"""{"type":"user","message":{"role":"user","content":"Run it"},"timestamp":"{{{now}}}","sessionId":"{{{sessionId}}}","cwd":{{{cwd}}}}""",
            $$$"""{"type":"assistant","message":{"id":"m1","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"tool_use","id":"t1","name":"Bash","input":{"command":"sleep 300"}}],"stop_reason":"tool_use","usage":{"input_tokens":1,"output_tokens":1}},"timestamp":"{{{now}}}","sessionId":"{{{sessionId}}}","cwd":{{{cwd}}}}""",
        ]);
        return path;
    }

    /// <summary>The real process table, with only the given processes listed (found by pid, the others still are).</summary>
    private sealed class OnlyTheseProcesses(IProcessScanner inner, Func<int, bool> visible) : IProcessScanner
    {
        public async ValueTask<IReadOnlyList<ProcessInfo>> ScanAsync(CancellationToken cancellationToken) =>
            [.. (await inner.ScanAsync(cancellationToken)).Where(p => visible(p.Pid))];

        public ProcessInfo? Find(int pid) => inner.Find(pid);

        public IReadOnlyList<string> OpenFiles(int pid) => inner.OpenFiles(pid);

        public IReadOnlyDictionary<string, string> Environment(int pid) => inner.Environment(pid);
    }
}
