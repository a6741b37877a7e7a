
namespace AgentLive.Sources;

/// <summary>
/// Keeps one session's state from the lines of its transcript. A tracker is fed the transcript's lines one at a time
/// and is never called concurrently.
/// </summary>
/// <remarks>
/// A tracker never throws for bad input: malformed lines and lines it does not know are counted and skipped.
/// <see cref="ITranscriptLineSink.OnReset"/> discards everything, since the file is about to be read again from the start.
/// </remarks>
public interface ISessionTracker : ITranscriptLineSink
{
    /// <summary>Gets a number that changes whenever <see cref="GetFacts"/> would return something new.</summary>
    long Version { get; }

    /// <summary>Gets the number of complete lines that were not valid JSON objects.</summary>
    long MalformedLines { get; }

    /// <summary>Gets the number of lines of a type the tracker does not know (skipped; <see cref="UnknownShapes"/> names the types).</summary>
    long UnknownLines { get; }

    /// <summary>
    /// Gets what the tracker met that it does not know (line types, fields, values it switches on), each with the
    /// client version the transcript stated and the number of lines that held it. Entries keep the order they were
    /// first seen in and are never removed (a reset forgets them no more than the counts above); the monitor reads it
    /// after each read and reports each new one as a <see cref="FormatDriftDetected"/>.
    /// </summary>
    /// <remarks>A tracker that does not look for drift reports nothing; a bounded number of entries is enough.</remarks>
    IReadOnlyList<UnknownShape> UnknownShapes => [];

    /// <summary>
    /// Returns what the transcript says so far, as an immutable value. The session's status at any moment is then
    /// derived from these facts by the monitor: time passing never needs the tracker.
    /// </summary>
    /// <returns>The facts; the same instance until <see cref="Version"/> changes.</returns>
    SessionFacts GetFacts();
}
