namespace AgentLive.Sources;

/// <summary>One process as a scan saw it. Fields a platform does not expose are <see langword="null"/> or empty.</summary>
/// <param name="Pid">The process id.</param>
/// <param name="ParentPid">The parent's id, or 0 when unknown.</param>
/// <param name="Name">The short name (Linux <c>comm</c>).</param>
/// <param name="CommandLine">The arguments, program first; empty where the platform hides them.</param>
/// <param name="WorkingDirectory">The current directory, where readable.</param>
/// <param name="StartTime">When it started, where known.</param>
/// <param name="StartTicks">The platform's exact start stamp (Linux: clock ticks since boot); with the pid, the process's identity.</param>
/// <param name="UserId">The owning user id, where known (Linux).</param>
public sealed record ProcessInfo(
    int Pid,
    int ParentPid,
    string Name,
    IReadOnlyList<string> CommandLine,
    string? WorkingDirectory,
    DateTimeOffset? StartTime,
    ulong StartTicks,
    long? UserId);
