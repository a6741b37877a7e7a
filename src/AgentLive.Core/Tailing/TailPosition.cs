namespace AgentLive.Tailing;

/// <summary>
/// Where a <see cref="TailReader"/> stopped in a file, and enough of the file's identity to notice when the
/// bytes before that point are no longer the ones that were read.
/// </summary>
/// <remarks>
/// A position is a plain value: save it, restore it, pass it back to <see cref="TailReader.ReadAsync{TSink}"/>.
/// The offset is always just past a line feed (or 0), never inside a line.
/// </remarks>
internal readonly record struct TailPosition
{
    /// <summary>The position at the start of a file that has not been read yet.</summary>
    public static TailPosition Start => default;

    /// <summary>Gets the byte offset just past the last complete line that was read.</summary>
    public long Offset { get; init; }

    /// <summary>Gets the platform's identity of the file that was read (the inode on Linux), or 0 when unknown.</summary>
    public long FileId { get; init; }

    /// <summary>Gets how many bytes at the start of the file <see cref="HeadHash"/> covers.</summary>
    public int HeadLength { get; init; }

    /// <summary>Gets a hash of the first <see cref="HeadLength"/> bytes of the file.</summary>
    public ulong HeadHash { get; init; }

    /// <summary>Gets how many bytes just before <see cref="Offset"/> <see cref="TailHash"/> covers.</summary>
    public int TailLength { get; init; }

    /// <summary>Gets a hash of the <see cref="TailLength"/> bytes just before <see cref="Offset"/>.</summary>
    public ulong TailHash { get; init; }
}
