using System.Diagnostics;
using System.Text;
using AgentLive.Sources;
using BenchmarkDotNet.Attributes;

namespace AgentLive.Benchmarks;

/// <summary>
/// From a line appended to a transcript to the <see cref="SessionUpdated"/> a subscriber receives, with 1, 50 and 200
/// sessions being watched; file-system notifications on, as a user runs it. Each invocation appends to the sessions in
/// turn and waits for each update; the per-append latencies (p50, p99) are printed at the end of each run.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class MonitorLatencyBenchmarks
{
    private const int AppendsPerInvoke = 100;

    private readonly List<double> _latencies = [];
    private string _root = "";
    private string[] _files = [];
    private SessionMonitor _monitor = null!;
    private IAsyncEnumerator<SessionEvent> _events = null!;
    private int _next;
    private int _message;

    [Params(1, 50, 200)]
    public int Files { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _root = Directory.CreateTempSubdirectory("agentlive-bench-latency-").FullName;
        string project = Path.Combine(_root, "projects", "-bench");
        Directory.CreateDirectory(project);
        _files = [.. Enumerable.Range(0, Files).Select(i => Path.Combine(project, $"{Guid.NewGuid()}.jsonl"))];
        foreach (string file in _files)
        {
            await File.WriteAllTextAsync(file, Line("user", "\"content\":\"Start\"") + "\n");
        }

        var options = new SessionMonitorOptions { DetectProcesses = false };
        options.Sources.Clear();
        options.Sources.Add(new ClaudeSessionSource(new ClaudeSourceOptions { Roots = [_root] }));
        _monitor = SessionMonitor.Create(options);
        _events = _monitor.WatchAsync().GetAsyncEnumerator();
        while (await _events.MoveNextAsync() && _events.Current is not SummaryChanged)
        {
        }
    }

    [Benchmark(OperationsPerInvoke = AppendsPerInvoke)]
    public async Task AppendToEvent()
    {
        for (int i = 0; i < AppendsPerInvoke; i++)
        {
            string file = _files[_next++ % _files.Length];
            string id = Path.GetFileNameWithoutExtension(file);
            string line = Line("assistant", $"\"id\":\"msg_{++_message}\",\"model\":\"claude-sonnet-4-5\",\"content\":[{{\"type\":\"text\",\"text\":\"ok\"}}],\"stop_reason\":\"end_turn\",\"usage\":{{\"input_tokens\":1,\"output_tokens\":1}}");
            long start = Stopwatch.GetTimestamp();
            await using (var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"));
            }

            while (await _events.MoveNextAsync())
            {
                if (_events.Current is SessionUpdated updated && updated.Session.SourceSessionId == id)
                {
                    break;
                }
            }

            _latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        double[] sorted = [.. _latencies.Order()];
        Console.WriteLine($"// latency with {Files} files over {sorted.Length} appends: p50 {Percentile(sorted, 0.50):0.00} ms, p99 {Percentile(sorted, 0.99):0.00} ms, max {sorted[^1]:0.00} ms");
        await _events.DisposeAsync();
        await _monitor.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Line(string type, string message) =>
        $"{{\"type\":\"{type}\",\"message\":{{\"role\":\"{type}\",{message}}},\"timestamp\":\"{DateTimeOffset.UtcNow:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\",\"cwd\":\"/bench\"}}";
}
