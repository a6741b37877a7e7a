namespace AgentLive;

/// <summary>
/// Something the monitor saw change. Match on <see cref="SessionChanged"/> for everything that carries a session
/// (discovered, updated, completed) and on <see cref="SummaryChanged"/> for the summary.
/// </summary>
public abstract record SessionEvent
{
    /// <summary>Gets when the monitor published it (from its <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
