namespace AgentLive.Monitoring;

/// <summary>A file's size and last write time, as a listing or a read saw them: what tells that it changed.</summary>
internal readonly record struct FileStamp(long Length, DateTime WrittenUtc);
