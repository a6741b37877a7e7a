using System.Globalization;
using System.Text;
using AgentLive.Sources;

namespace AgentLive.Processes;

/// <summary>Reads <c>/proc</c> directly: cheap enough to scan thousands of processes every few seconds.</summary>
internal sealed class LinuxProcessScanner : IProcessScanner
{
    // Linux reports start times in USER_HZ, 100 on every mainstream architecture.
    private const double TicksPerSecond = 100;

    private readonly string _proc;
    private readonly DateTimeOffset? _bootTime;

    public LinuxProcessScanner(string proc = "/proc")
    {
        _proc = proc;
        _bootTime = ReadBootTime(proc);
    }

    public ValueTask<IReadOnlyList<ProcessInfo>> ScanAsync(CancellationToken cancellationToken)
    {
        var processes = new List<ProcessInfo>();
        foreach (string entry in Directory.EnumerateDirectories(_proc))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && Find(pid) is { } process)
            {
                processes.Add(process);
            }
        }

        return ValueTask.FromResult<IReadOnlyList<ProcessInfo>>(processes);
    }

    public ProcessInfo? Find(int pid)
    {
        string dir = Path.Combine(_proc, pid.ToString(CultureInfo.InvariantCulture));
        try
        {
            string stat = File.ReadAllText(Path.Combine(dir, "stat"));
            int open = stat.IndexOf('(', StringComparison.Ordinal);
            int close = stat.LastIndexOf(')');
            if (open < 0 || close < open || !ProcessProbe.TryParseStartTime(stat, out ulong ticks) || ProcessProbe.HasExited(stat))
            {
                // A zombie has exited: only its entry in the process table waits for the parent.
                return null;
            }

            string name = stat[(open + 1)..close];
            string[] fields = stat[(close + 2)..].Split(' ');
            int parent = fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out int ppid) ? ppid : 0;
            return new ProcessInfo(
                pid,
                parent,
                name,
                ReadCommandLine(dir),
                ReadLink(Path.Combine(dir, "cwd")),
                _bootTime?.AddSeconds(ticks / TicksPerSecond),
                ticks,
                ReadUserId(dir));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process exited mid-scan, or it is not ours to read.
            return null;
        }
    }

    public IReadOnlyList<string> OpenFiles(int pid)
    {
        string fds = Path.Combine(_proc, pid.ToString(CultureInfo.InvariantCulture), "fd");
        var files = new List<string>();
        try
        {
            foreach (string fd in Directory.EnumerateFileSystemEntries(fds))
            {
                if (ReadLink(fd) is { } target && target.StartsWith('/'))
                {
                    files.Add(target.EndsWith(" (deleted)", StringComparison.Ordinal) ? target[..^10] : target);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return files;
    }

    public IReadOnlyDictionary<string, string> Environment(int pid)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            byte[] raw = File.ReadAllBytes(Path.Combine(_proc, pid.ToString(CultureInfo.InvariantCulture), "environ"));
            foreach (string entry in Encoding.UTF8.GetString(raw).Split('\0', StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = entry.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    variables[entry[..equals]] = entry[(equals + 1)..];
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return variables;
    }

    private static string[] ReadCommandLine(string dir)
    {
        byte[] raw = File.ReadAllBytes(Path.Combine(dir, "cmdline"));
        return Encoding.UTF8.GetString(raw).Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string? ReadLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long? ReadUserId(string dir)
    {
        foreach (string line in File.ReadLines(Path.Combine(dir, "status")))
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
            {
                string[] ids = line[4..].Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
                return ids.Length > 0 && long.TryParse(ids[0], NumberStyles.None, CultureInfo.InvariantCulture, out long uid) ? uid : null;
            }
        }

        return null;
    }

    private static DateTimeOffset? ReadBootTime(string proc)
    {
        try
        {
            foreach (string line in File.ReadLines(Path.Combine(proc, "stat")))
            {
                if (line.StartsWith("btime ", StringComparison.Ordinal) && long.TryParse(line[6..], NumberStyles.None, CultureInfo.InvariantCulture, out long seconds))
                {
                    return DateTimeOffset.FromUnixTimeSeconds(seconds);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }
}
