namespace AgentLive;

/// <summary>The summary changed; also the first event every subscriber receives after the current sessions.</summary>
public sealed record SummaryChanged : SessionEvent
{
    /// <summary>Gets the new summary.</summary>
    public required SessionSummary Summary { get; init; }
}
