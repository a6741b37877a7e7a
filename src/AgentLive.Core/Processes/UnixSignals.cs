using System.Runtime.InteropServices;

namespace AgentLive.Processes;

/// <summary>The two signals a stop sends, and the caller's user id; <c>kill(2)</c> and <c>geteuid(2)</c> from libc.</summary>
internal static partial class UnixSignals
{
    public const int Terminate = 15;
    public const int Kill = 9;

    /// <summary>Sends a signal; returns whether it was delivered.</summary>
    public static bool Send(int pid, int signal) => kill(pid, signal) == 0;

    public static long EffectiveUserId() => geteuid();

    [LibraryImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int kill(int pid, int sig);

    [LibraryImport("libc")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial uint geteuid();
}
