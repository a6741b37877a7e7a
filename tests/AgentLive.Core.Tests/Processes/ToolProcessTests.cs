using System.Diagnostics;
using System.Globalization;
using AgentLive.Processes;
using AgentLive.Sources;
using AgentLive.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AgentLive.Tests.Processes;

/// <summary>
/// A Codex tool call that asked to leave the sandbox looks, in the rollout, the same whether it waits for approval or
/// was let through: a tool process of the session (a child of the agent carrying <c>CODEX_THREAD_ID</c>) tells them apart.
/// </summary>
public sealed class ToolProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly List<Process> _started = [];

    public void Dispose()
    {
        foreach (Process process in _started)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }

        _dir.Dispose();
    }

    [LinuxFact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task An_escalated_call_whose_tool_process_runs_is_running_not_waiting()
    {
        string project = Directory.CreateDirectory(Path.Combine(_dir.Path, "work")).FullName;
        await using SessionMonitor waiting = await MonitorAsync(project);
        Assert.Equal(AgentStateKind.AwaitingPermission, Assert.Single(waiting.GetSessions()).State.Kind);

        // An agent named codex in the project, whose child shell carries the session's thread id.
        string agent = Path.Combine(_dir.Path, "codex");
        File.Copy("/bin/bash", agent);
        File.SetUnixFileMode(agent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _started.Add(Process.Start(new ProcessStartInfo(agent, ["-c", "CODEX_THREAD_ID=t1 sleep 300; true"]) { WorkingDirectory = project })!);
        await WaitForChildAsync(_started[0].Id);

        await using SessionMonitor running = await MonitorAsync(project);
        Assert.Equal(AgentStateKind.ToolRunning, Assert.Single(running.GetSessions()).State.Kind);
    }

    [LinuxFact]
    public void The_environment_of_a_process_is_read()
    {
        IReadOnlyDictionary<string, string> environment = new LinuxProcessScanner().Environment(Environment.ProcessId);

        Assert.Equal(Environment.GetEnvironmentVariable("PATH"), environment["PATH"]);
        Assert.Empty(new LinuxProcessScanner().Environment(int.MaxValue));
    }

    private static async Task WaitForChildAsync(int parent)
    {
        var scanner = new LinuxProcessScanner();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!(await scanner.ScanAsync(deadline.Token)).Any(p => p.ParentPid == parent))
        {
            await Task.Delay(20, deadline.Token);
        }
    }

    private async Task<SessionMonitor> MonitorAsync(string project)
    {
        string root = Path.Combine(_dir.Path, "codex-home");
        string folder = Path.Combine(root, "sessions", "2026", "11", "24");
        Directory.CreateDirectory(folder);
        DateTimeOffset lastLine = DateTimeOffset.UtcNow.AddSeconds(-5);
        string at = lastLine.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        string cwd = System.Text.Json.JsonSerializer.Serialize(project);
        await File.WriteAllLinesAsync(Path.Combine(folder, "rollout-2026-11-24T00-00-00-t1.jsonl"),
        [
            $$$"""{"timestamp":"{{{at}}}","ordinal":0,"type":"session_meta","payload":{"id":"t1","cwd":{{{cwd}}}}}""",
            $$$"""{"timestamp":"{{{at}}}","ordinal":1,"type":"turn_context","payload":{"model":"gpt-5","cwd":{{{cwd}}},"approval_policy":"on-request"}}""",
            $$$"""{"timestamp":"{{{at}}}","ordinal":2,"type":"event_msg","payload":{"type":"task_started"}}""",
            $$$"""{"timestamp":"{{{at}}}","ordinal":3,"type":"response_item","payload":{"type":"custom_tool_call","name":"exec","call_id":"c1","input":"await tools.exec_command({cmd: \"make deploy\", sandbox_permissions: \"require_escalated\"})"}}""",
        ]);

        // The monitor's clock stands 3 s after the last line, however long the test takes: past the approval quiet
        // (2 s), short of the quiet after which a session with no agent process is done (10 s).
        var clock = new FakeTimeProvider(lastLine.AddSeconds(3));
        var options = new SessionMonitorOptions { UsePolling = true, TimeProvider = clock };
        Assert.InRange(clock.GetUtcNow() - lastLine, options.StatusThresholds.ApprovalQuiet, options.StatusThresholds.QuietAfter - TimeSpan.FromTicks(1));
        options.Sources.Clear();
        options.Sources.Add(new CodexSessionSource(new CodexSourceOptions { Roots = [root] }));
        SessionMonitor monitor = SessionMonitor.Create(options);
        await monitor.StartAsync();
        return monitor;
    }
}
