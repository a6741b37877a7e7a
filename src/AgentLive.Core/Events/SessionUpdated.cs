namespace AgentLive;

/// <summary>
/// A known session changed. <see cref="SessionChanged.Session"/> is its whole new state and <see cref="Previous"/> the
/// state this subscriber saw last, so a transition ("started needing me") is one comparison:
/// <c>u.Session.NeedsYou &amp;&amp; !u.Previous.NeedsYou</c>.
/// </summary>
/// <remarks>
/// A slow subscriber may skip intermediate updates of a session: the newest snapshot replaces them, and
/// <see cref="Previous"/> stays the one it saw before them.
/// </remarks>
public sealed record SessionUpdated : SessionChanged
{
    /// <summary>Gets the session's state as this subscriber last saw it.</summary>
    public required LiveSession Previous { get; init; }
}
