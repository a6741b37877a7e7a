namespace AgentLive.Monitoring;

/// <summary>A file's size and last write time, as a listing or a read saw them: what tells that it changed.</summary>
internal readonly record struct FileStamp(long Length, DateTime WrittenUtc)
{
    /// <summary>Gets the stamp of a file never looked at: it differs from any file's.</summary>
    public static FileStamp None { get; } = new(-1, default);

    /// <summary>What a <see cref="FileInfo"/> says now (<see cref="None"/> for a file that does not exist).</summary>
    public static FileStamp Of(FileInfo info) => info.Exists ? new(info.Length, info.LastWriteTimeUtc) : None;
}
