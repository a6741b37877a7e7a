using AgentLive.Tailing;
using BenchmarkDotNet.Attributes;

namespace AgentLive.Benchmarks;

/// <summary>
/// Reading a large transcript from the start: the tail reader (bytes, no strings) against <see cref="File.ReadLines(string)"/>,
/// what a user would write first. Divide the file size by the mean for MB/s, and allocations by the line count for
/// bytes per line.
/// </summary>
[MemoryDiagnoser]
public class TailReaderBenchmarks
{
    private const long FileBytes = 128L * 1024 * 1024;

    private readonly TailReader _reader = new();
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _path = Corpus.BuildLargeFile(FileBytes);
        Console.WriteLine($"// corpus: {new FileInfo(_path).Length} bytes, {File.ReadLines(_path).Count()} lines");
    }

    [Benchmark(Baseline = true)]
    public long FileReadLines()
    {
        long total = 0;
        foreach (string line in File.ReadLines(_path))
        {
            total += line.Length;
        }

        return total;
    }

    [Benchmark]
    public async Task<long> TailReaderReadAll()
    {
        var sink = new LengthSink();
        await _reader.ReadAsync(_path, TailPosition.Start, sink);
        return sink.Total;
    }

    private sealed class LengthSink : ITailLineSink
    {
        public long Total { get; private set; }

        public void OnReset(TailResetReason reason)
        {
        }

        public void OnLine(ReadOnlySpan<byte> line, long offset) => Total += line.Length;
    }
}
