using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace AgentLive.Samples;

/// <summary>
/// The host's diagnostics: the monitor's warnings (an unreadable transcript, a folder that cannot be listed, a file
/// that is not a regular file) on stderr, one line each, so they never mix with the JSON on stdout; with
/// <c>--verbose</c> its informational and debug messages too.
/// </summary>
internal static class HostLogging
{
    private static readonly object Gate = new();
    private static ILoggerFactory? _factory;

    /// <summary>Gets the process's logger factory, made on first use with the level the first caller asks for.</summary>
    public static ILoggerFactory For(bool verbose)
    {
        lock (Gate)
        {
            return _factory ??= LoggerFactory.Create(builder => builder
                .SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning)
                .AddSimpleConsole(options =>
                {
                    options.SingleLine = true;
                    options.ColorBehavior = LoggerColorBehavior.Disabled;
                })
                .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace));
        }
    }

    /// <summary>Writes out what is queued and ends logging.</summary>
    public static void Shutdown()
    {
        lock (Gate)
        {
            _factory?.Dispose();
            _factory = null;
        }
    }
}
