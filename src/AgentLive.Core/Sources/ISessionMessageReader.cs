
namespace AgentLive.Sources;

/// <summary>Reads a transcript's whole conversation, line by line, on demand (not on the live path).</summary>
public interface ISessionMessageReader : ITranscriptLineSink
{
    /// <summary>Gets the messages read so far, in transcript order.</summary>
    IReadOnlyList<SessionMessage> Messages { get; }
}
