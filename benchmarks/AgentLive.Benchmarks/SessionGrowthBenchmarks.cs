using System.Text;
using System.Text.RegularExpressions;
using AgentLive.Sources;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentLive.Benchmarks;

/// <summary>
/// What one live session's tracker keeps as its transcript grows: every main transcript of one client's real recordings
/// (all <c>real*</c> folders) replayed into one tracker until it has had <see cref="Lines"/> lines, the response, request
/// and tool-call ids made unique per replay as a long session would write them. The benchmark times feeding one
/// tracker; the bytes it still holds (managed heap after a full collection, with <see cref="Sessions"/> trackers kept)
/// are measured once in the setup and printed to the log as "// retained". Flat means the same bytes at 1,000 lines and
/// at 20,000.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public partial class SessionGrowthBenchmarks
{
    private const int Sessions = 16;

    private byte[][] _lines = [];
    private ISessionSource _source = null!;
    private SessionFile _file;

    [Params("claude", "codex")]
    public string Source { get; set; } = "claude";

    [Params(1_000, 20_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _lines = [.. GrowingSession(Source).Take(Lines)];
        _source = Source == "claude"
            ? new ClaudeSessionSource(new ClaudeSourceOptions { Roots = ["/bench"] })
            : new CodexSessionSource(new CodexSourceOptions { Roots = ["/bench"] });
        _file = new SessionFile($"/bench/{Source}/00000000-0000-4000-8000-000000000000.jsonl", SessionFileKind.Main, "00000000-0000-4000-8000-000000000000");

        long before = GC.GetTotalMemory(forceFullCollection: true);
        var kept = new ISessionTracker[Sessions];
        for (int i = 0; i < kept.Length; i++)
        {
            kept[i] = Feed();
        }

        long after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// retained: {(after - before) / Sessions:N0} bytes per live {Source} session after {Lines:N0} lines");
        GC.KeepAlive(kept);
    }

    [Benchmark]
    public long FeedSession() => Feed().Version;

    /// <summary>One tracker fed every line as the monitor feeds it (asking for the facts as it would after a read).</summary>
    private ISessionTracker Feed()
    {
        ISessionTracker tracker = _source.CreateTracker(_file, NullLogger.Instance);
        for (int i = 0; i < _lines.Length; i++)
        {
            tracker.OnLine(_lines[i]);
            if (i % 16 == 15)
            {
                _ = tracker.GetFacts();
            }
        }

        _ = tracker.GetFacts();
        return tracker;
    }

    /// <summary>
    /// The client's recordings, one after the other, over and over: ids unique per recording and round (the recordings
    /// share their fake server's ids), and Codex's session header only once (a rollout has one).
    /// </summary>
    private static IEnumerable<byte[]> GrowingSession(string client)
    {
        string[][] recordings =
        [
            .. Corpus.AllTranscripts(client)
                .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}subagents{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Select(p => File.ReadAllLines(p).Where(l => l.Length > 0).ToArray()),
        ];
        for (int round = 0; ; round++)
        {
            for (int recording = 0; recording < recordings.Length; recording++)
            {
                string prefix = $"r{round}x{recording}x";
                foreach (string line in recordings[recording])
                {
                    if ((round > 0 || recording > 0) && line.Contains("\"type\":\"session_meta\"", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    yield return Encoding.UTF8.GetBytes(Ids().Replace(line, m => $"\"{m.Groups[1].Value}{prefix}"));
                }
            }
        }
    }

    [GeneratedRegex("\"(msg_|req_|toolu_|call_|fc_|ctc_)")]
    private static partial Regex Ids();
}
