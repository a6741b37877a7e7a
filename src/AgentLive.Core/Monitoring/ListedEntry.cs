using System.IO.Enumeration;

namespace AgentLive.Monitoring;

/// <summary>
/// One entry of a folder listing: a subfolder to walk into, a known transcript with its size and time now, or a file
/// not known yet (only those and folders get a path made).
/// </summary>
internal readonly record struct ListedEntry(string? Path, bool IsDirectory, TrackedFile? Known, FileStamp Stamp)
{
    /// <summary>Folders, and files named like transcripts.</summary>
    public static bool Wanted(ref FileSystemEntry entry) => entry.IsDirectory || entry.FileName.EndsWith(".jsonl", StringComparison.Ordinal);

    public static ListedEntry Folder(ref FileSystemEntry entry) => new(entry.ToFullPath(), true, null, default);

    public static ListedEntry File(ref FileSystemEntry entry, TrackedFile? known) =>
        new(known is null ? entry.ToFullPath() : null, false, known, new FileStamp(entry.Length, entry.LastWriteTimeUtc.UtcDateTime));
}
