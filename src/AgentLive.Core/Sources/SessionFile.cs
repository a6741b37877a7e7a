namespace AgentLive.Sources;

/// <summary>A transcript file a source recognised, and whose session it belongs to.</summary>
/// <param name="Path">The file's full path.</param>
/// <param name="Kind">A session's own transcript, or a sub-agent's.</param>
/// <param name="SessionId">
/// The session id the file name gives (the transcript's own lines may later state it more exactly); for a sub-agent,
/// the parent's.
/// </param>
/// <param name="AgentId">For a sub-agent transcript, the sub-agent's id.</param>
public readonly record struct SessionFile(string Path, SessionFileKind Kind, string SessionId, string? AgentId = null);
