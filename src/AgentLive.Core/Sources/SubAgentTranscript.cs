namespace AgentLive.Sources;

/// <summary>A sub-agent's own transcript, as <see cref="ISessionSource.CombineSubAgents"/> receives it.</summary>
public sealed record SubAgentTranscript
{
    /// <summary>Gets the file, as <see cref="ISessionSource.TryGetSessionFile"/> recognised it (<see cref="SessionFileKind.SubAgent"/>).</summary>
    public required SessionFile File { get; init; }

    /// <summary>Gets what the sub-agent's transcript says so far.</summary>
    public required SessionFacts Facts { get; init; }
}
