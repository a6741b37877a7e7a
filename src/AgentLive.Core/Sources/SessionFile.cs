using System.Diagnostics.CodeAnalysis;

namespace AgentLive.Sources;

/// <summary>A transcript file a source recognised, and whose session it belongs to.</summary>
public readonly record struct SessionFile
{
    /// <summary>Initializes a new instance of the <see cref="SessionFile"/> struct.</summary>
    /// <param name="path">The file's full path.</param>
    /// <param name="kind">A session's own transcript, or a sub-agent's.</param>
    /// <param name="sessionId">The session id the file name gives; for a sub-agent, the parent's.</param>
    /// <param name="agentId">For a sub-agent transcript, the sub-agent's id.</param>
    [SetsRequiredMembers]
    public SessionFile(string path, SessionFileKind kind, string sessionId, string? agentId = null)
    {
        Path = path;
        Kind = kind;
        SessionId = sessionId;
        AgentId = agentId;
    }

    /// <summary>Gets the file's full path.</summary>
    public required string Path { get; init; }

    /// <summary>Gets whether it is a session's own transcript or a sub-agent's.</summary>
    public SessionFileKind Kind { get; init; }

    /// <summary>
    /// Gets the session id the file name gives (the transcript's own lines may later state it more exactly); for a
    /// sub-agent, the parent's.
    /// </summary>
    public required string SessionId { get; init; }

    /// <summary>Gets, for a sub-agent transcript, the sub-agent's id.</summary>
    public string? AgentId { get; init; }
}
