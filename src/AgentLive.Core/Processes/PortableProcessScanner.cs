using System.Diagnostics;
using AgentLive.Sources;

namespace AgentLive.Processes;

/// <summary>
/// What <see cref="Process"/> gives on every platform: ids, names and start times; no command lines or working
/// directories, so matching falls back to names and times.
/// </summary>
internal sealed class PortableProcessScanner : IProcessScanner
{
    public ValueTask<IReadOnlyList<ProcessInfo>> ScanAsync(CancellationToken cancellationToken)
    {
        var processes = new List<ProcessInfo>();
        foreach (Process process in Process.GetProcesses())
        {
            using (process)
            {
                if (Describe(process) is { } info)
                {
                    processes.Add(info);
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyList<ProcessInfo>>(processes);
    }

    public ProcessInfo? Find(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return Describe(process);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public IReadOnlyList<string> OpenFiles(int pid) => [];

    public IReadOnlyDictionary<string, string> Environment(int pid) => new Dictionary<string, string>();

    private static ProcessInfo? Describe(Process process)
    {
        try
        {
            DateTimeOffset started = process.StartTime.ToUniversalTime();
            return new ProcessInfo(process.Id, 0, process.ProcessName, [process.ProcessName], null, started, (ulong)started.UtcTicks, null);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }
}
