namespace AgentLive.Tailing;

/// <summary>How a call to <see cref="TailReader.ReadAsync{TSink}"/> ended.</summary>
internal enum TailReadStatus
{
    /// <summary>Every complete line up to the end of the file was read.</summary>
    Completed = 0,

    /// <summary>The file (or its directory) does not exist. The position is returned unchanged.</summary>
    FileMissing,

    /// <summary>
    /// The file could not be opened or read (permissions, an I/O error, a deletion that raced the read).
    /// Lines read before the failure were delivered, and the position covers exactly those.
    /// </summary>
    FileUnreadable,

    /// <summary>The path names something that is not a regular file (a FIFO, a device): it is not read at all.</summary>
    NotRegularFile,
}
