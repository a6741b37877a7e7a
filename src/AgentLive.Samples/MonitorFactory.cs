using AgentLive;
using AgentLive.Sources;

namespace AgentLive.Samples;

/// <summary>Turns the command line into monitor options.</summary>
internal static class MonitorFactory
{
    public static SessionMonitorOptions Options(HostOptions host, StatusThresholds? thresholds = null)
    {
        var options = new SessionMonitorOptions
        {
            LookBack = host.LookBack,
            DetectProcesses = !host.NoProcesses,
            KillAfterStopTimeout = true,
            LoggerFactory = HostLogging.For(host.Verbose),
        };
        if (thresholds is not null)
        {
            options.StatusThresholds = thresholds;
        }

        options.Sources.Clear();
        if (host.Only is null or "claude")
        {
            options.Sources.Add(new ClaudeSessionSource(new ClaudeSourceOptions { Roots = host.ClaudeRoot is null ? null : [host.ClaudeRoot] }));
        }

        if (host.Only is null or "codex")
        {
            options.Sources.Add(new CodexSessionSource(new CodexSourceOptions { Roots = host.CodexRoot is null ? null : [host.CodexRoot] }));
        }

        return options;
    }

    /// <summary>Whether any root of the chosen sources exists on this machine.</summary>
    public static bool AnyRootExists(SessionMonitorOptions options) =>
        options.Sources.SelectMany(s => s.Roots).Any(Directory.Exists);
}
