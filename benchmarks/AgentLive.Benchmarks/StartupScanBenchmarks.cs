using AgentLive.Sources;
using AgentLive.Tailing;
using BenchmarkDotNet.Attributes;

namespace AgentLive.Benchmarks;

/// <summary>
/// The startup scan: 1,000 Claude Code transcripts of about 1 MB each (real recorded lines, repeated), read from the
/// start by a new monitor until its first snapshot is complete; against the baseline of only reading the same bytes
/// line by line with the tail reader (what reading alone costs).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class StartupScanBenchmarks
{
    private const int Transcripts = 1000;
    private const long BytesEach = 1024 * 1024;

    private string _root = "";
    private string[] _files = [];

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "agentlive-bench-scan");
        string project = Path.Combine(_root, "projects", "-bench");
        Directory.CreateDirectory(project);
        byte[] template = File.ReadAllBytes(Corpus.Transcripts("claude").First(p => p.Contains("g_interactive_tui", StringComparison.Ordinal)));
        for (int i = 0; i < Transcripts; i++)
        {
            string file = Path.Combine(project, $"{i:00000000}-0000-4000-8000-000000000000.jsonl");
            if (!File.Exists(file) || new FileInfo(file).Length < BytesEach)
            {
                using FileStream output = File.Create(file);
                while (output.Length < BytesEach)
                {
                    output.Write(template);
                }
            }

            // Files kept from an earlier run are older than the look-back window: a monitor would only list them and
            // read nothing. Every run stamps them fresh, so the scan always reads every byte.
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow);
        }

        _files = Directory.GetFiles(project);
        Console.WriteLine($"// {_files.Length} transcripts, {_files.Sum(f => new FileInfo(f).Length)} bytes");
    }

    [Benchmark(Baseline = true)]
    public async Task<long> ReadOnly()
    {
        var reader = new TailReader();
        long lines = 0;
        await Parallel.ForEachAsync(_files, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, async (file, token) =>
        {
            TailReadResult result = await reader.ReadAsync(file, TailPosition.Start, new NullSink(), token);
            Interlocked.Add(ref lines, result.Lines);
        });
        return lines;
    }

    [Benchmark]
    public async Task<int> MonitorStartup()
    {
        var options = new SessionMonitorOptions { DetectProcesses = false, UsePolling = true };
        options.Sources.Clear();
        options.Sources.Add(new ClaudeSessionSource(new ClaudeSourceOptions { Roots = [_root] }));
        await using SessionMonitor monitor = SessionMonitor.Create(options);
        await monitor.StartAsync();
        int sessions = monitor.GetSessions().Count;
        return sessions > 0 ? sessions : throw new InvalidOperationException("The startup scan read no transcript: the benchmark would time a directory listing.");
    }

    private sealed class NullSink : ITailLineSink
    {
        public void OnReset(TailResetReason reason)
        {
        }

        public void OnLine(ReadOnlySpan<byte> line, long offset)
        {
        }
    }
}
