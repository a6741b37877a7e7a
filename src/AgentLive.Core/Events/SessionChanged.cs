namespace AgentLive;

/// <summary>A session's state, as of this event: the base of <see cref="SessionDiscovered"/>, <see cref="SessionUpdated"/> and <see cref="SessionCompleted"/>.</summary>
public abstract record SessionChanged : SessionEvent
{
    /// <summary>Gets the session's whole state now (for <see cref="SessionCompleted"/>, its last state).</summary>
    public required LiveSession Session { get; init; }
}
