namespace AgentLive.Sources;

/// <summary>
/// Receives a transcript's lines as the monitor reads them: only the bytes appended since the last read, one complete
/// line at a time, never concurrently.
/// </summary>
public interface ITranscriptLineSink
{
    /// <summary>
    /// Called before any line when the file no longer continues what was read (truncated, rewritten, replaced): it is
    /// read again from the start, so everything built from earlier lines must be discarded.
    /// </summary>
    void OnReset();

    /// <summary>Called for each complete, non-blank line, in file order.</summary>
    /// <param name="line">
    /// The line's bytes without its line feed or carriage return, as written (invalid UTF-8 included). The span is only
    /// valid during the call.
    /// </param>
    void OnLine(ReadOnlySpan<byte> line);
}
