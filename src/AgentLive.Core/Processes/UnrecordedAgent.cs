using AgentLive.Sources;

namespace AgentLive.Processes;

/// <summary>An agent process that no transcript the monitor knows belongs to.</summary>
/// <param name="Key">
/// The id its session gets: <c>&lt;source&gt;:&lt;session id&gt;</c> when the agent's live report names the session (so
/// the transcript, once written, continues the same session), else <c>&lt;source&gt;:pid-&lt;pid&gt;-&lt;start ticks&gt;</c>.
/// </param>
/// <param name="Source">The name of the source whose agent it is.</param>
/// <param name="Process">The process.</param>
/// <param name="Since">The earliest the monitor knows it ran: its start time, or when a scan first saw it.</param>
internal sealed record UnrecordedAgent(string Key, string Source, ProcessInfo Process, DateTimeOffset Since);
