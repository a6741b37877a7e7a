using System.Text.Json;
using AgentLive.Sources;

namespace AgentLive.Tests.Infrastructure;

/// <summary>
/// The process table a recorder saw at a checkpoint (<c>process-snapshots/&lt;label&gt;.json</c>: pid, parent, start
/// ticks, argv, working directory, filtered environment, open files), served as a scanner would see it live. Open
/// files are recorded relative to the client's home (<c>HOME/.claude/…</c>); they are moved to where the test put it.
/// </summary>
public sealed class RecordedProcessScanner : IProcessScanner
{
    private readonly Dictionary<int, Recorded> _processes = [];

    public RecordedProcessScanner(string snapshotPath, IReadOnlyDictionary<string, string> movedFolders)
    {
        using JsonDocument snapshot = JsonDocument.Parse(File.ReadAllBytes(snapshotPath));
        foreach (JsonElement p in snapshot.RootElement.GetProperty("processes").EnumerateArray())
        {
            var info = new ProcessInfo(
                p.GetProperty("pid").GetInt32(),
                p.GetProperty("ppid").GetInt32(),
                p.GetProperty("comm").GetString()!,
                [.. p.GetProperty("cmdline").EnumerateArray().Select(a => a.GetString()!)],
                p.TryGetProperty("cwd", out JsonElement cwd) ? cwd.GetString() : null,
                StartTime: null,
                p.TryGetProperty("starttime_ticks", out JsonElement ticks) ? ticks.GetUInt64() : 0,
                UserId: null);
            Dictionary<string, string> environment = p.TryGetProperty("env", out JsonElement env)
                ? env.EnumerateObject().ToDictionary(v => v.Name, v => v.Value.GetString() ?? string.Empty, StringComparer.Ordinal)
                : [];
            List<string> files = p.TryGetProperty("fds", out JsonElement fds) && fds.ValueKind == JsonValueKind.Object
                ? [.. fds.EnumerateObject().Select(f => Move(f.Value.GetProperty("target").GetString()!, movedFolders))]
                : [];
            _processes[info.Pid] = new Recorded(info, environment, files);
        }
    }

    public ValueTask<IReadOnlyList<ProcessInfo>> ScanAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ProcessInfo>>([.. _processes.Values.Select(p => p.Info)]);

    public ProcessInfo? Find(int pid) => _processes.TryGetValue(pid, out Recorded? p) ? p.Info : null;

    public IReadOnlyList<string> OpenFiles(int pid) => _processes.TryGetValue(pid, out Recorded? p) ? p.Files : [];

    public IReadOnlyDictionary<string, string> Environment(int pid) =>
        _processes.TryGetValue(pid, out Recorded? p) ? p.Environment : new Dictionary<string, string>();

    private static string Move(string path, IReadOnlyDictionary<string, string> movedFolders)
    {
        foreach ((string from, string to) in movedFolders)
        {
            if (path.StartsWith(from + "/", StringComparison.Ordinal))
            {
                return Path.Combine(to, path[(from.Length + 1)..]);
            }
        }

        return path;
    }

    private sealed record Recorded(ProcessInfo Info, IReadOnlyDictionary<string, string> Environment, IReadOnlyList<string> Files);
}
