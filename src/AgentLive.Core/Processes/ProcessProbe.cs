using System.Globalization;

namespace AgentLive.Processes;

/// <summary>Reads what <c>/proc/&lt;pid&gt;/stat</c> says of a Linux process: its state and its start time.</summary>
internal static class ProcessProbe
{
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

    /// <summary>
    /// Whether the state (field 3) is one a process never runs again from: <c>Z</c> (a zombie, exited and waiting for
    /// its parent to reap it) or <c>X</c>/<c>x</c> (dead). Such a process counts as exited wherever liveness is judged.
    /// </summary>
    internal static bool HasExited(string stat)
    {
        int close = stat.LastIndexOf(')');
        ReadOnlySpan<char> rest = close < 0 ? default : stat.AsSpan(close + 1).TrimStart(' ');
        return !rest.IsEmpty && rest[0] is 'Z' or 'X' or 'x';
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
