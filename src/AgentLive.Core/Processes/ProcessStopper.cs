using System.Diagnostics;
using AgentLive.Sources;

namespace AgentLive.Processes;

/// <summary>
/// Stops one verified agent process: checks, immediately before signalling, that the pid still names the process that
/// was matched (same start time) and that it is still the source's agent; then SIGTERM, a bounded wait, and SIGKILL if
/// allowed. Never signals pid 1, the monitor itself, or another user's process.
/// </summary>
internal sealed class ProcessStopper
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly IProcessScanner _scanner;
    private readonly TimeProvider _time;
    private readonly Func<int, int, bool> _signal;

    /// <param name="scanner">Re-reads the process right before each signal.</param>
    /// <param name="time">The clock of the bounded waits.</param>
    /// <param name="signal">Sends a Unix signal to a pid and returns whether it was delivered; <c>kill(2)</c> unless given
    /// (tests record the signals instead, so a missing guard never reaches a real process).</param>
    public ProcessStopper(IProcessScanner scanner, TimeProvider time, Func<int, int, bool>? signal = null)
    {
        _scanner = scanner;
        _time = time;
        _signal = signal ?? UnixSignals.Send;
    }

    public async Task<StopResult> StopAsync(ProcessInfo expected, Func<ProcessInfo, bool> isAgent, TimeSpan timeout, bool killAfterTimeout, CancellationToken cancellationToken)
    {
        if (Refusal(expected) is { } refused)
        {
            return refused;
        }

        if (!Terminate(expected.Pid))
        {
            return Alive(expected) ? new StopResult(StopOutcome.Refused, expected.Pid, $"Could not signal process {expected.Pid}.")
                : new StopResult(StopOutcome.NoProcess, expected.Pid, $"Process {expected.Pid} exited before it was signalled.");
        }

        if (await ExitedWithinAsync(expected, timeout, cancellationToken).ConfigureAwait(false))
        {
            return new StopResult(StopOutcome.Stopped, expected.Pid, $"Process {expected.Pid} exited after SIGTERM.");
        }

        if (!killAfterTimeout)
        {
            return new StopResult(StopOutcome.StillRunning, expected.Pid, $"Process {expected.Pid} is still running {timeout.TotalSeconds:0.#} s after SIGTERM.");
        }

        // Check again: the wait was long enough for the pid to be reused.
        if (Refusal(expected) is { } late)
        {
            return late.Outcome == StopOutcome.NoProcess
                ? new StopResult(StopOutcome.Stopped, expected.Pid, $"Process {expected.Pid} exited after SIGTERM.")
                : late;
        }

        Kill(expected.Pid);
        return await ExitedWithinAsync(expected, timeout, cancellationToken).ConfigureAwait(false)
            ? new StopResult(StopOutcome.Killed, expected.Pid, $"Process {expected.Pid} ignored SIGTERM and was killed.")
            : new StopResult(StopOutcome.StillRunning, expected.Pid, $"Process {expected.Pid} survived SIGKILL.");

        StopResult? Refusal(ProcessInfo process)
        {
            ProcessInfo? now = _scanner.Find(process.Pid);
            if (now is null)
            {
                return new StopResult(StopOutcome.NoProcess, process.Pid, $"Process {process.Pid} is no longer running.");
            }

            if (now.StartTicks != process.StartTicks)
            {
                return new StopResult(StopOutcome.Refused, process.Pid, $"Process {process.Pid} is not the agent that was matched: the pid was reused.");
            }

            if (process.Pid <= 1 || process.Pid == Environment.ProcessId)
            {
                return new StopResult(StopOutcome.Refused, process.Pid, $"Process {process.Pid} is never signalled.");
            }

            if (!isAgent(now))
            {
                return new StopResult(StopOutcome.Refused, process.Pid, $"Process {process.Pid} is not an agent process.");
            }

            if (now.UserId is { } owner && !OperatingSystem.IsWindows() && owner != UnixSignals.EffectiveUserId())
            {
                return new StopResult(StopOutcome.Refused, process.Pid, $"Process {process.Pid} belongs to another user.");
            }

            return null;
        }
    }

    private bool Alive(ProcessInfo expected) => _scanner.Find(expected.Pid) is { } now && now.StartTicks == expected.StartTicks;

    private async Task<bool> ExitedWithinAsync(ProcessInfo expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        long start = _time.GetTimestamp();
        while (Alive(expected))
        {
            if (_time.GetElapsedTime(start) >= timeout)
            {
                return false;
            }

            await Task.Delay(Poll, _time, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private bool Terminate(int pid)
    {
        if (!OperatingSystem.IsWindows())
        {
            return _signal(pid, UnixSignals.Terminate);
        }

        // Windows has no SIGTERM for console programs: ask the window to close, which a console agent may ignore.
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.CloseMainWindow() || true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private void Kill(int pid)
    {
        if (!OperatingSystem.IsWindows())
        {
            _signal(pid, UnixSignals.Kill);
            return;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }
    }
}
