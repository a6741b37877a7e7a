using System.Diagnostics;
using AgentLive.Processes;
using AgentLive.Sources;
using AgentLive.Tests.Infrastructure;

namespace AgentLive.Tests.Processes;

/// <summary>
/// <see cref="ProcessStopper"/> on its own. Every process here is classified as an agent, so a refusal can only come
/// from the guard under test, and the refusal's reason is asserted, not just its outcome. Where a guard is checked
/// against pid 1 or the test host, signals are recorded instead of sent, so a missing guard can never reach a real
/// process.
/// </summary>
public sealed class ProcessStopperTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly List<Process> _started = [];

    public void Dispose()
    {
        foreach (Process process in _started)
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(Patience);
            }

            process.Dispose();
        }
    }

    [LinuxFact]
    public async Task Pid_1_is_never_signalled_even_when_it_is_classified_as_an_agent()
    {
        var signals = new List<(int Pid, int Signal)>();
        ProcessInfo init = Owned(1);
        var stopper = new ProcessStopper(new OneProcessScanner(init), TimeProvider.System, Record(signals));

        StopResult result = await stopper.StopAsync(init, _ => true, TimeSpan.Zero, killAfterTimeout: true, CancellationToken.None);

        Assert.Equal(StopOutcome.Refused, result.Outcome);
        Assert.Equal(1, result.Pid);
        Assert.Equal("Process 1 is never signalled.", result.Message);
        Assert.Empty(signals);
    }

    [LinuxFact]
    public async Task The_monitor_itself_is_never_signalled_even_when_it_is_classified_as_an_agent()
    {
        var signals = new List<(int Pid, int Signal)>();
        ProcessInfo self = Owned(Environment.ProcessId);
        var stopper = new ProcessStopper(new OneProcessScanner(self), TimeProvider.System, Record(signals));

        StopResult result = await stopper.StopAsync(self, _ => true, TimeSpan.Zero, killAfterTimeout: true, CancellationToken.None);

        Assert.Equal(StopOutcome.Refused, result.Outcome);
        Assert.Equal($"Process {Environment.ProcessId} is never signalled.", result.Message);
        Assert.Empty(signals);
    }

    [LinuxFact]
    public async Task Another_users_process_is_refused_and_left_running()
    {
        Assert.Equal(0, UnixSignals.EffectiveUserId());   // the tests run as root, so a child can run as nobody
        Process other = Start("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "/bin/sleep", "60");
        var scanner = new LinuxProcessScanner();
        ProcessInfo running = await WaitForAsync(scanner, other.Id, p => p.Name == "sleep" && p.UserId == 65534);
        var stopper = new ProcessStopper(scanner, TimeProvider.System);

        StopResult result = await stopper.StopAsync(running, _ => true, TimeSpan.FromSeconds(1), killAfterTimeout: true, CancellationToken.None);

        Assert.Equal(StopOutcome.Refused, result.Outcome);
        Assert.Equal($"Process {other.Id} belongs to another user.", result.Message);
        Assert.False(other.HasExited);
        Assert.NotNull(scanner.Find(other.Id));
    }

    [LinuxFact]
    public async Task A_process_that_ignores_SIGTERM_is_killed_after_the_timeout_when_allowed()
    {
        Process stubborn = StartIgnoringTerm();
        var scanner = new LinuxProcessScanner();
        ProcessInfo running = await WaitForAsync(scanner, stubborn.Id, p => p.Name == "sleep");
        var stopper = new ProcessStopper(scanner, TimeProvider.System);

        StopResult result = await stopper.StopAsync(running, _ => true, TimeSpan.FromSeconds(1), killAfterTimeout: true, CancellationToken.None);

        Assert.Equal(StopOutcome.Killed, result.Outcome);
        Assert.Equal(stubborn.Id, result.Pid);
        Assert.True(stubborn.WaitForExit(Patience));
        Assert.Null(scanner.Find(stubborn.Id));
    }

    [LinuxFact]
    public async Task A_process_that_ignores_SIGTERM_is_left_running_when_killing_is_not_allowed()
    {
        Process stubborn = StartIgnoringTerm();
        var scanner = new LinuxProcessScanner();
        ProcessInfo running = await WaitForAsync(scanner, stubborn.Id, p => p.Name == "sleep");
        var stopper = new ProcessStopper(scanner, TimeProvider.System);

        StopResult result = await stopper.StopAsync(running, _ => true, TimeSpan.FromMilliseconds(500), killAfterTimeout: false, CancellationToken.None);

        Assert.Equal(StopOutcome.StillRunning, result.Outcome);
        Assert.False(stubborn.HasExited);
        Assert.Equal(running.StartTicks, scanner.Find(stubborn.Id)?.StartTicks);
    }

    /// <summary>A process owned by the caller, so that the another-user guard has nothing to say about it.</summary>
    private static ProcessInfo Owned(int pid) =>
        new(pid, 0, "claude", ["claude"], "/", DateTimeOffset.UnixEpoch, 42, UnixSignals.EffectiveUserId());

    private static Func<int, int, bool> Record(List<(int Pid, int Signal)> signals) => (pid, signal) =>
    {
        signals.Add((pid, signal));
        return true;
    };

    /// <summary><c>sleep</c> with SIGTERM ignored: the disposition set by the trap survives the <c>exec</c>.</summary>
    private Process StartIgnoringTerm() => Start("/bin/bash", "-c", "trap '' TERM; exec /bin/sleep 60");

    private Process Start(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start)!;
        _started.Add(process);
        return process;
    }

    /// <summary>Reads the process until it shows what the test needs (the exec, the changed user), for a bounded time.</summary>
    private static async Task<ProcessInfo> WaitForAsync(LinuxProcessScanner scanner, int pid, Func<ProcessInfo, bool> ready)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            if (scanner.Find(pid) is { } now && ready(now))
            {
                return now;
            }

            await Task.Delay(20, deadline.Token);
        }
    }

    /// <summary>Knows one process, always running.</summary>
    private sealed class OneProcessScanner(ProcessInfo process) : IProcessScanner
    {
        public ValueTask<IReadOnlyList<ProcessInfo>> ScanAsync(CancellationToken cancellationToken) => new([process]);

        public ProcessInfo? Find(int pid) => pid == process.Pid ? process : null;

        public IReadOnlyList<string> OpenFiles(int pid) => [];

        public IReadOnlyDictionary<string, string> Environment(int pid) => new Dictionary<string, string>();
    }
}
