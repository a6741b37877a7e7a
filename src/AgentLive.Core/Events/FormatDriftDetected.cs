namespace AgentLive;

/// <summary>
/// A transcript holds something its source does not know: a line type, a field or a value that a newer client
/// writes. What depends on it may be missing from the session's state, so this says so on the day it appears rather
/// than leaving a state silently wrong.
/// </summary>
/// <remarks>
/// Published once per monitor for each source, kind, name and client version (a new client version that still
/// writes it is news again); a subscriber that starts later receives the ones so far right after the current
/// <see cref="SummaryChanged"/>. The monitor also logs a warning for each, and counts every line that holds one in
/// the counter <c>agentlive.lines.unknown_shapes</c>.
/// </remarks>
public sealed record FormatDriftDetected : SessionEvent
{
    /// <summary>Gets the source's name, such as <c>claude</c>.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the <see cref="LiveSession.Id"/> of the session whose transcript (or sub-agent transcript) held it.</summary>
    public required string SessionId { get; init; }

    /// <summary>Gets what kind of thing it is.</summary>
    public required UnknownShapeKind Kind { get; init; }

    /// <summary>Gets its name as the transcript writes it (see <see cref="UnknownShapeKind"/> for the forms).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the client version the transcript states (Claude Code's <c>version</c>, Codex's <c>cli_version</c>), or <see langword="null"/> where it states none.</summary>
    public string? ClientVersion { get; init; }
}
