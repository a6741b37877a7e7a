using System.Diagnostics;
using System.Globalization;
using AgentLive.Processes;
using AgentLive.Sources;
using AgentLive.Tests.Infrastructure;

namespace AgentLive.Tests.Processes;

/// <summary>
/// Real child processes: a copy of <c>sleep</c> named <c>claude</c> (so its <c>comm</c> is an agent's) runs in a
/// project directory with a session transcript; a decoy of the same name runs elsewhere, a plain <c>sleep</c> in the
/// same directory. Only the matched agent may ever be signalled.
/// </summary>
public sealed class StopSessionTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly TempDirectory _dir = new();
    private readonly FakeAgents _agents;
    private readonly string _project;
    private readonly string _agentBinary;

    public StopSessionTests()
    {
        _project = Path.Combine(_dir.Path, "work", "app");
        Directory.CreateDirectory(_project);
        Directory.CreateDirectory(Path.Combine(_dir.Path, "work", "other"));
        _agents = new FakeAgents(_dir.Path);
        _agentBinary = _agents.Binary;
    }

    public void Dispose()
    {
        _agents.Dispose();
        _dir.Dispose();
    }

    [LinuxFact]
    public async Task The_agent_is_detected_matched_and_stopped_and_nothing_else_is_touched()
    {
        Process agent = Start(_agentBinary, _project);
        Process decoy = Start(_agentBinary, Path.Combine(_dir.Path, "work", "other"));
        Process bystander = Start("/bin/sleep", _project);
        await using SessionMonitor monitor = await StartMonitorAsync();

        LiveSession session = Assert.Single(monitor.GetSessions());
        Assert.Equal(agent.Id, session.Pid);
        Assert.Equal(SessionStatus.Working, session.Status);

        StopResult result = await monitor.StopSessionAsync(session.Id);

        Assert.Equal(StopOutcome.Stopped, result.Outcome);
        Assert.Equal(agent.Id, result.Pid);
        Assert.True(agent.WaitForExit(Patience));
        Assert.False(decoy.HasExited);
        Assert.False(bystander.HasExited);
        Assert.Null(Assert.Single(monitor.GetSessions()).Pid);
    }

    [LinuxFact]
    public async Task A_pid_that_now_names_another_process_is_refused()
    {
        Process agent = Start(_agentBinary, _project);
        var scanner = new LinuxProcessScanner();
        ProcessInfo matched = scanner.Find(agent.Id)!;

        StopResult result = await Stopper(scanner).StopAsync(matched with { StartTicks = matched.StartTicks + 1 }, IsAgent, Patience, killAfterTimeout: true, CancellationToken.None);

        Assert.Equal(StopOutcome.Refused, result.Outcome);
        Assert.Contains("reused", result.Message, StringComparison.Ordinal);
        Assert.False(agent.HasExited);
    }

    [LinuxFact]
    public async Task A_process_that_is_not_an_agent_or_is_the_monitor_is_never_signalled()
    {
        Process bystander = Start("/bin/sleep", _project);
        var scanner = new LinuxProcessScanner();

        StopResult notAgent = await Stopper(scanner).StopAsync(scanner.Find(bystander.Id)!, IsAgent, Patience, killAfterTimeout: true, CancellationToken.None);
        StopResult self = await Stopper(scanner).StopAsync(scanner.Find(Environment.ProcessId)!, IsAgent, Patience, killAfterTimeout: true, CancellationToken.None);

        Assert.Equal(StopOutcome.Refused, notAgent.Outcome);
        Assert.Equal($"Process {bystander.Id} is not an agent process.", notAgent.Message);
        Assert.Equal(StopOutcome.Refused, self.Outcome);
        Assert.Equal($"Process {Environment.ProcessId} is never signalled.", self.Message);
        Assert.False(bystander.HasExited);
    }

    [LinuxFact]
    public async Task A_session_whose_agent_exited_has_no_process_and_stopping_it_says_so()
    {
        Process agent = Start(_agentBinary, _project);
        await using SessionMonitor monitor = await StartMonitorAsync();
        agent.Kill();
        Assert.True(agent.WaitForExit(Patience));

        StopResult result = await monitor.StopSessionAsync(Assert.Single(monitor.GetSessions()).Id);

        Assert.Equal(StopOutcome.NoProcess, result.Outcome);
        Assert.Equal(StopOutcome.UnknownSession, (await monitor.StopSessionAsync("claude:none")).Outcome);
    }

    [LinuxFact]
    public async Task An_agent_that_exits_at_once_but_stays_a_zombie_counts_as_stopped()
    {
        // A parent that never reaps: the agent, once signalled, stays a zombie until the parent itself ends.
        string script = $"'{_agentBinary}' 300 & exec /bin/sleep 20";
        Process parent = Start("/bin/bash", _project, "-c", script);
        int agentPid = await WaitForChildAsync(parent.Id);
        await using SessionMonitor monitor = await StartMonitorAsync();
        LiveSession session = Assert.Single(monitor.GetSessions());
        Assert.Equal(agentPid, session.Pid);

        StopResult result = await monitor.StopSessionAsync(session.Id);

        Assert.Equal(StopOutcome.Stopped, result.Outcome);
        Assert.Equal(agentPid, result.Pid);
        Assert.Equal('Z', State(agentPid));
        Assert.Null(new LinuxProcessScanner().Find(agentPid));
    }

    private static readonly Func<ProcessInfo, bool> IsAgent = p => new ClaudeSessionSource().ClassifyProcess(p) == AgentProcessRole.Agent;

    private static ProcessStopper Stopper(IProcessScanner scanner) => new(scanner, TimeProvider.System);

    private static char State(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..][0];
    }

    private static async Task<int> WaitForChildAsync(int parent)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            string children = $"/proc/{parent.ToString(CultureInfo.InvariantCulture)}/task/{parent.ToString(CultureInfo.InvariantCulture)}/children";
            if (File.Exists(children) && (await File.ReadAllTextAsync(children, deadline.Token)).Split(' ', StringSplitOptions.RemoveEmptyEntries) is [string first, ..])
            {
                return int.Parse(first, CultureInfo.InvariantCulture);
            }

            await Task.Delay(20, deadline.Token);
        }
    }

    private Process Start(string program, string directory, params string[] arguments) => _agents.Start(program, directory, arguments);

    /// <summary>A session begun now in the project directory, with a tool call running, and a monitor over it.</summary>
    private async Task<SessionMonitor> StartMonitorAsync()
    {
        string root = Path.Combine(_dir.Path, "claude");
        string folder = Path.Combine(root, "projects", "-work-app");
        Directory.CreateDirectory(folder);
        string now = DateTimeOffset.UtcNow.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        string cwd = System.Text.Json.JsonSerializer.Serialize(_project);
        await File.WriteAllLinesAsync(Path.Combine(folder, "s1.jsonl"),
        [
            $$$"""{"type":"user","message":{"role":"user","content":"Run it"},"timestamp":"{{{now}}}","sessionId":"s1","cwd":{{{cwd}}}}""",
            $$$"""{"type":"assistant","message":{"id":"m1","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"tool_use","id":"t1","name":"Bash","input":{"command":"sleep 300"}}],"stop_reason":"tool_use","usage":{"input_tokens":1,"output_tokens":1}},"timestamp":"{{{now}}}","sessionId":"s1","cwd":{{{cwd}}}}""",
        ]);

        var options = new SessionMonitorOptions { UsePolling = true, StopTimeout = TimeSpan.FromSeconds(5) };
        options.Sources.Clear();
        options.Sources.Add(new ClaudeSessionSource(new ClaudeSourceOptions { Roots = [root] }));
        SessionMonitor monitor = SessionMonitor.Create(options);
        await monitor.StartAsync();
        return monitor;
    }
}
