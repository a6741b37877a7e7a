using AgentLive.State;

namespace AgentLive.Events;

/// <summary>The summary changed; also the first event every subscriber receives after the current sessions.</summary>
/// <param name="Timestamp">When it was published.</param>
/// <param name="Summary">The new summary.</param>
public sealed record SummaryChanged(DateTimeOffset Timestamp, SessionSummary Summary) : SessionEvent(Timestamp);
