using System.IO.Enumeration;

namespace AgentLive.Monitoring;

/// <summary>One entry of a folder listing: a subfolder to walk into, or a transcript with its size and time.</summary>
internal readonly record struct ListedEntry(string Path, bool IsDirectory, FileStamp Stamp)
{
    /// <summary>Folders, and files named like transcripts.</summary>
    public static bool Wanted(ref FileSystemEntry entry) => entry.IsDirectory || entry.FileName.EndsWith(".jsonl", StringComparison.Ordinal);

    public static ListedEntry From(ref FileSystemEntry entry) => entry.IsDirectory
        ? new ListedEntry(entry.ToFullPath(), true, default)
        : new ListedEntry(entry.ToFullPath(), false, new FileStamp(entry.Length, entry.LastWriteTimeUtc.UtcDateTime));
}
