using AgentLive.Sources;

namespace AgentLive.Processes;

/// <summary>The built-in process scanners.</summary>
internal static class ProcessScanners
{
    /// <summary>
    /// Returns the best scanner for this platform: <c>/proc</c> read directly on Linux (command lines, working
    /// directories, start times, open files); <see cref="System.Diagnostics.Process"/> elsewhere (names and start times).
    /// </summary>
    /// <returns>A scanner.</returns>
    public static IProcessScanner CreateDefault() =>
        OperatingSystem.IsLinux() && Directory.Exists("/proc/self") ? new LinuxProcessScanner() : new PortableProcessScanner();
}
