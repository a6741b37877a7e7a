using System.Diagnostics;
using System.Globalization;

namespace AgentLive.Processes;

/// <summary>Cheap questions about one process: does it run, and is it still the process it was.</summary>
internal static class ProcessProbe
{
    /// <summary>
    /// Whether a process with this pid runs and, where <paramref name="startTime"/> is given and the platform exposes
    /// it (Linux: field 22 of <c>/proc/&lt;pid&gt;/stat</c>, in clock ticks since boot), started at that time; a pid reused by
    /// another process fails the check.
    /// </summary>
    public static bool IsAlive(int pid, string? startTime)
    {
        if (pid <= 0)
        {
            return false;
        }

        if (OperatingSystem.IsLinux())
        {
            if (!TryReadStartTime(pid, out ulong actual))
            {
                return false;
            }

            return startTime is null
                || !ulong.TryParse(startTime, NumberStyles.None, CultureInfo.InvariantCulture, out ulong expected)
                || expected == actual;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Reads a Linux process's start time (clock ticks since boot) from <c>/proc/&lt;pid&gt;/stat</c>.</summary>
    public static bool TryReadStartTime(int pid, out ulong ticks)
    {
        ticks = 0;
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        return TryParseStartTime(stat, out ticks);
    }

    internal static bool TryParseStartTime(string stat, out ulong ticks)
    {
        ticks = 0;

        // The command name (field 2) is in parentheses and may itself contain spaces and parentheses.
        int close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return false;
        }

        ReadOnlySpan<char> rest = stat.AsSpan(close + 1);
        for (int field = 3; ; field++)
        {
            rest = rest.TrimStart(' ');
            int end = rest.IndexOf(' ');
            ReadOnlySpan<char> value = end < 0 ? rest : rest[..end];
            if (value.IsEmpty)
            {
                return false;
            }

            if (field == 22)
            {
                return ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out ticks);
            }

            rest = rest[value.Length..];
        }
    }
}
