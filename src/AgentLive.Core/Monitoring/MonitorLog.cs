using Microsoft.Extensions.Logging;

namespace AgentLive.Monitoring;

internal static partial class MonitorLog
{
    [LoggerMessage(3001, LogLevel.Warning, "File watching failed for {Directory} ({Reason}); rescanning, and watching it again at the next periodic rescan.")]
    public static partial void WatcherError(ILogger logger, string directory, string reason);

    [LoggerMessage(3011, LogLevel.Debug, "File watching failed again for {Directory} ({Reason}).")]
    public static partial void WatcherErrorAgain(ILogger logger, string directory, string reason);

    [LoggerMessage(3002, LogLevel.Warning, "Cannot watch {Directory}; its changes will be picked up by the periodic reconcile.")]
    public static partial void WatcherUnavailable(ILogger logger, Exception error, string directory);

    [LoggerMessage(3003, LogLevel.Error, "Reading {Path} failed; the monitor goes on with the other sessions.")]
    public static partial void ReadFailed(ILogger logger, Exception error, string path);

    [LoggerMessage(3004, LogLevel.Warning, "Reading the live status of source {Source} failed.")]
    public static partial void LiveStatusFailed(ILogger logger, Exception error, string source);

    [LoggerMessage(3005, LogLevel.Error, "A reconcile pass failed; the next one runs as scheduled.")]
    public static partial void ReconcileFailed(ILogger logger, Exception error);

    [LoggerMessage(3006, LogLevel.Warning, "Cannot list {Directory} ({Reason}); the transcripts in it are not seen until it can be listed again.")]
    public static partial void ScanFailed(ILogger logger, string directory, string reason);

    [LoggerMessage(3007, LogLevel.Information, "{Directory} can be listed again.")]
    public static partial void ListableAgain(ILogger logger, string directory);

    [LoggerMessage(3008, LogLevel.Warning, "Cannot read {Path} ({Reason}); its session keeps what was read before, and reading resumes when the file can be read.")]
    public static partial void Unreadable(ILogger logger, string path, string reason);

    [LoggerMessage(3009, LogLevel.Information, "{Path} can be read again.")]
    public static partial void ReadableAgain(ILogger logger, string path);

    [LoggerMessage(3010, LogLevel.Warning, "{Path} is not a regular file (a FIFO or a device), so it is never read.")]
    public static partial void NotRegularFile(ILogger logger, string path);

    [LoggerMessage(3012, LogLevel.Warning, "A {Source} transcript has a {Kind} this version of AgentLive does not know: {Name} (client version {ClientVersion}, in {Path}). What depends on it may be missing from the session's state. Reported once per client version.")]
    public static partial void FormatDrift(ILogger logger, string source, string kind, string name, string clientVersion, string path);
}
