namespace AgentLive.Tailing;

/// <summary>Why a <see cref="TailReader"/> went back to the start of a file.</summary>
internal enum TailResetReason
{
    /// <summary>The saved position was still valid; reading continued from it.</summary>
    None = 0,

    /// <summary>The file is now shorter than the saved offset.</summary>
    Truncated,

    /// <summary>
    /// The bytes at the start of the file or just before the saved offset changed: the file was rewritten in place,
    /// possibly to the same or a greater length.
    /// </summary>
    Rewritten,

    /// <summary>Another file now stands at the same path (its platform identity changed).</summary>
    Replaced,
}
