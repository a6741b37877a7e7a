using System.Text.Json;
using AgentLive.Sources;

namespace AgentLive.Tests.Infrastructure;

/// <summary>
/// A process table as a recording saw it (<c>process-snapshots/&lt;label&gt;.json</c>): pid, parent, start stamp, name,
/// arguments, working directory, environment and open files (each path through <c>relocate</c>, for files the test put
/// elsewhere: the recorder writes paths in the home as <c>HOME/…</c>).
/// </summary>
public sealed class RecordedProcessScanner : IProcessScanner
{
    private readonly Dictionary<int, ProcessInfo> _processes = [];
    private readonly Dictionary<int, IReadOnlyDictionary<string, string>> _environments = [];
    private readonly Dictionary<int, IReadOnlyList<string>> _openFiles = [];

    /// <param name="fixture">The recording.</param>
    /// <param name="checkpoint">The label of the process snapshot.</param>
    /// <param name="relocate">Maps an open file's recorded path to where the test put it; by default it stays.</param>
    public RecordedProcessScanner(RealFixture fixture, string checkpoint, Func<string, string>? relocate = null)
    {
        relocate ??= path => path;
        using JsonDocument snapshot = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(fixture.Directory, "process-snapshots", checkpoint + ".json")));
        foreach (JsonElement p in snapshot.RootElement.GetProperty("processes").EnumerateArray())
        {
            int pid = p.GetProperty("pid").GetInt32();
            _processes[pid] = new ProcessInfo(
                pid,
                p.GetProperty("ppid").GetInt32(),
                p.GetProperty("comm").GetString()!,
                [.. p.GetProperty("cmdline").EnumerateArray().Select(a => a.GetString()!)],
                p.TryGetProperty("cwd", out JsonElement cwd) ? cwd.GetString() : null,
                StartTime: null,
                p.GetProperty("starttime_ticks").GetUInt64(),
                UserId: null);
            _environments[pid] = p.TryGetProperty("env", out JsonElement env) && env.ValueKind == JsonValueKind.Object
                ? env.EnumerateObject().ToDictionary(v => v.Name, v => v.Value.GetString() ?? "", StringComparer.Ordinal)
                : new Dictionary<string, string>();
            _openFiles[pid] = p.TryGetProperty("fds", out JsonElement fds) && fds.ValueKind == JsonValueKind.Object
                ? [.. fds.EnumerateObject().Select(fd => relocate(fd.Value.GetProperty("target").GetString()!))]
                : [];
        }
    }

    public IReadOnlyList<ProcessInfo> Processes => [.. _processes.Values];

    public ValueTask<IReadOnlyList<ProcessInfo>> ScanAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Processes);

    public ProcessInfo? Find(int pid) => _processes.GetValueOrDefault(pid);

    public IReadOnlyList<string> OpenFiles(int pid) => _openFiles.GetValueOrDefault(pid) ?? [];

    public IReadOnlyDictionary<string, string> Environment(int pid) => _environments.GetValueOrDefault(pid) ?? new Dictionary<string, string>();
}
