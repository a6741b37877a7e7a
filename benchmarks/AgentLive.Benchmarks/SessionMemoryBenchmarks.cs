using AgentLive.Sources;
using BenchmarkDotNet.Attributes;

namespace AgentLive.Benchmarks;

/// <summary>
/// What the monitor keeps per transcript: 2,000 copies of the real Claude Code recordings, either older than the
/// look-back window (dormant: listed, never read) or within it (live: read, with a tracker and a snapshot each). The
/// benchmark times a monitor's start over them; the bytes a started monitor still holds, per file, are measured once in
/// the setup (managed heap after a full collection, before and after, less what a monitor over no files holds) and
/// printed to the log as "// retained".
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SessionMemoryBenchmarks
{
    private const int Files = 2000;

    private string _root = "";

    [Params(false, true)]
    public bool Live { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "agentlive-bench-memory");
        string project = Path.Combine(_root, "projects", "-bench");
        Directory.CreateDirectory(project);
        string[] recordings = [.. Corpus.Transcripts("claude").Where(p => !p.Contains("subagents", StringComparison.Ordinal))];
        DateTime written = Live ? DateTime.UtcNow : DateTime.UtcNow.AddDays(-5);
        for (int i = 0; i < Files; i++)
        {
            string file = Path.Combine(project, $"{i:00000000}-0000-4000-8000-000000000000.jsonl");
            if (!File.Exists(file))
            {
                File.Copy(recordings[i % recordings.Length], file);
            }

            File.SetLastWriteTimeUtc(file, written);
        }

        // A monitor over no transcripts first, twice (the first sets up what the runtime makes once): what any monitor
        // holds (its buffers, watcher, board) is not a cost per file.
        string empty = Path.Combine(_root, "empty");
        await RetainedAsync(empty);
        (long fixedBytes, _) = await RetainedAsync(empty);
        (long bytes, int sessions) = await RetainedAsync(_root);
        Console.WriteLine($"// retained: {(bytes - fixedBytes) / Files:N0} bytes per {(Live ? "live session" : "dormant file")} ({sessions} sessions; {fixedBytes:N0} bytes for a monitor over none)");
    }

    [Benchmark]
    public async Task<int> StartMonitor()
    {
        await using SessionMonitor monitor = Create(_root);
        await monitor.StartAsync();
        return monitor.GetSessions().Count;
    }

    /// <summary>The managed heap a started monitor over a root holds (after a full collection, before and after), and its sessions.</summary>
    private static async Task<(long Bytes, int Sessions)> RetainedAsync(string root)
    {
        long before = GC.GetTotalMemory(forceFullCollection: true);
        await using SessionMonitor monitor = Create(root);
        await monitor.StartAsync();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        return (after - before, monitor.GetSessions().Count);
    }

    private static SessionMonitor Create(string root)
    {
        var options = new SessionMonitorOptions { DetectProcesses = false };
        options.Sources.Clear();
        options.Sources.Add(new ClaudeSessionSource(new ClaudeSourceOptions { Roots = [root] }));
        return SessionMonitor.Create(options);
    }
}
