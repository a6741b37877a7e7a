namespace AgentLive.Tailing;

/// <summary>Receives what a <see cref="TailReader"/> reads from a file.</summary>
/// <remarks>
/// Implement it on a struct or a sealed class: <see cref="TailReader.ReadAsync{TSink}"/> is generic over the sink so
/// the per-line call is not virtual-dispatched through an interface when the sink is a struct.
/// Exceptions thrown by the sink propagate out of the read.
/// </remarks>
internal interface ITailLineSink
{
    /// <summary>
    /// Called once, before any line, when the saved position no longer fits the file and reading restarts at offset 0.
    /// State built from earlier lines of this file should be discarded.
    /// </summary>
    /// <param name="reason">What was noticed.</param>
    void OnReset(TailResetReason reason);

    /// <summary>Called for each complete, non-blank line, in file order.</summary>
    /// <param name="line">
    /// The line's bytes without its line feed or carriage return. The span is only valid during the call; the bytes
    /// are passed through as written (invalid UTF-8 included).
    /// </param>
    /// <param name="offset">The byte offset of the line's first byte in the file.</param>
    void OnLine(ReadOnlySpan<byte> line, long offset);
}
