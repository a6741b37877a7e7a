using Microsoft.Extensions.Logging;

namespace AgentLive.Monitoring;

internal static partial class MonitorLog
{
    [LoggerMessage(3001, LogLevel.Warning, "File watching failed for {Directory}; rescanning everything and relying on the periodic reconcile.")]
    public static partial void WatcherError(ILogger logger, Exception? error, string directory);

    [LoggerMessage(3002, LogLevel.Warning, "Cannot watch {Directory}; its changes will be picked up by the periodic reconcile.")]
    public static partial void WatcherUnavailable(ILogger logger, Exception error, string directory);

    [LoggerMessage(3003, LogLevel.Error, "Reading {Path} failed; the monitor goes on with the other sessions.")]
    public static partial void ReadFailed(ILogger logger, Exception error, string path);

    [LoggerMessage(3004, LogLevel.Warning, "Reading the live status of source {Source} failed.")]
    public static partial void LiveStatusFailed(ILogger logger, Exception error, string source);

    [LoggerMessage(3005, LogLevel.Error, "A reconcile pass failed; the next one runs as scheduled.")]
    public static partial void ReconcileFailed(ILogger logger, Exception error);

    [LoggerMessage(3006, LogLevel.Warning, "Cannot list {Directory}.")]
    public static partial void ScanFailed(ILogger logger, Exception error, string directory);
}
