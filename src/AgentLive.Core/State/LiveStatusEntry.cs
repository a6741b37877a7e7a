namespace AgentLive.Sources;

/// <summary>
/// A running agent's own report of its state, where the agent keeps one (such as a status file per running process).
/// A source maps its own words to <see cref="State"/>; the monitor knows no agent's words.
/// </summary>
public sealed record LiveStatusEntry
{
    /// <summary>Gets the agent's process id.</summary>
    public required int Pid { get; init; }

    /// <summary>Gets the session the process works on, in the agent's own id space.</summary>
    public required string SessionId { get; init; }

    /// <summary>Gets what the agent reports it is doing.</summary>
    public LiveReportState State { get; init; }

    /// <summary>Gets the agent's own words for what it waits for, such as <c>permission prompt</c>, when it waits.</summary>
    public string? WaitingFor { get; init; }

    /// <summary>Gets when the report was last written.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Gets the process's working directory.</summary>
    public string? Cwd { get; init; }

    /// <summary>
    /// Gets the reporting process's start time, in the units of <see cref="ProcessInfo.StartTicks"/>, where the report
    /// states it. The monitor believes a report only while its process table shows that pid running (and, where this is
    /// given, started at that time): a crash leaves a stale report, and a pid is reused.
    /// </summary>
    public ulong? ProcessStartTicks { get; init; }
}
