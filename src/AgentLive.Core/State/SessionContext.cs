using AgentLive.Sources;

namespace AgentLive.State;

/// <summary>Everything besides the transcript that decides a session's status at one moment.</summary>
/// <param name="Now">The current time (from the monitor's <see cref="TimeProvider"/>).</param>
/// <param name="Process">What the process table says.</param>
/// <param name="LiveStatus">The agent's own live report, where it keeps one and the process table shows its process running.</param>
/// <param name="Thresholds">The time limits; <see langword="null"/> for <see cref="StatusThresholds.Default"/>.</param>
/// <param name="ToolProcessRunning">Whether a tool process of this session runs now (seen in the process table).</param>
internal readonly record struct SessionContext(
    DateTimeOffset Now,
    ProcessPresence Process = ProcessPresence.Unknown,
    LiveStatusEntry? LiveStatus = null,
    StatusThresholds? Thresholds = null,
    bool ToolProcessRunning = false);
