using Microsoft.Extensions.Logging;

namespace AgentLive.Tailing;

internal static partial class TailReaderLog
{
    [LoggerMessage(1001, LogLevel.Information, "Re-reading {Path} from the start: {Reason} (saved offset {Offset}, file length {Length}).")]
    public static partial void Reset(ILogger logger, string path, TailResetReason reason, long offset, long length);

    [LoggerMessage(1002, LogLevel.Warning, "Skipped a line of {Length} bytes at offset {Offset} in {Path}: longer than the limit of {Limit} bytes.")]
    public static partial void OversizedLine(ILogger logger, string path, long offset, long length, int limit);

    [LoggerMessage(1003, LogLevel.Debug, "Could not read {Path} at offset {Offset}.")]
    public static partial void Unreadable(ILogger logger, Exception error, string path, long offset);

    [LoggerMessage(1004, LogLevel.Debug, "{Path} is not a regular file (a FIFO or a device) and is not read.")]
    public static partial void NotRegularFile(ILogger logger, string path);
}
