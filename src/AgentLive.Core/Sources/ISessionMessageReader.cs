using AgentLive.State;
using AgentLive.Tailing;

namespace AgentLive.Sources;

/// <summary>Reads a transcript's whole conversation, line by line (it is a <see cref="TailReader"/> sink).</summary>
public interface ISessionMessageReader : ITailLineSink
{
    /// <summary>Gets the messages read so far, in transcript order.</summary>
    IReadOnlyList<SessionMessage> Messages { get; }
}
