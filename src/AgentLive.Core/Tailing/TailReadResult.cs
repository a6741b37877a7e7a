namespace AgentLive.Tailing;

/// <summary>The outcome of one call to <see cref="TailReader.ReadAsync{TSink}"/>.</summary>
internal readonly record struct TailReadResult
{
    /// <summary>Gets how the read ended.</summary>
    public TailReadStatus Status { get; init; }

    /// <summary>Gets the position to pass to the next read: just past the last complete line delivered.</summary>
    public TailPosition Position { get; init; }

    /// <summary>Gets why reading restarted at offset 0, or <see cref="TailResetReason.None"/>.</summary>
    public TailResetReason Reset { get; init; }

    /// <summary>Gets how many lines were delivered to the sink.</summary>
    public int Lines { get; init; }

    /// <summary>Gets how many bytes the position advanced by (from offset 0 after a reset).</summary>
    public long Bytes { get; init; }

    /// <summary>Gets how many lines longer than <see cref="TailReaderOptions.MaxLineBytes"/> were skipped.</summary>
    public int OversizedLinesSkipped { get; init; }

    /// <summary>Gets the error behind <see cref="TailReadStatus.FileMissing"/> or <see cref="TailReadStatus.FileUnreadable"/>.</summary>
    public Exception? Error { get; init; }
}
