using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace AgentLive.Benchmarks;

/// <summary>
/// What every parser benchmark shares: one client's real transcript lines (repeated to 16 MB) in memory, and the
/// ceiling — a bare <see cref="Utf8JsonReader"/> skim of the same bytes that reads every token and keeps nothing.
/// </summary>
[MemoryDiagnoser]
public abstract class ParserBenchmarks
{
    protected LineCorpus Corpus { get; private set; } = null!;

    protected abstract string Client { get; }

    [GlobalSetup]
    public void Setup()
    {
        Corpus = LineCorpus.Load(Client, 16L * 1024 * 1024);
        Console.WriteLine($"// corpus: {Corpus.Bytes} bytes, {Corpus.Lines.Length} lines");
    }

    [Benchmark(Baseline = true)]
    public int Skim()
    {
        int tokens = 0;
        foreach (byte[] line in Corpus.Lines)
        {
            var reader = new Utf8JsonReader(line);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }
}
