namespace AgentLive.Benchmarks;

/// <summary>Transcripts written by the real clients, copied next to the benchmarks at build time.</summary>
internal static class Corpus
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Corpus");

    /// <summary>Every recording under the test data's <c>real*</c> folders, one folder each (<c>real/claude/…</c>, <c>real-v3/codex/…</c>).</summary>
    public static string AllRecordings => Path.Combine(AppContext.BaseDirectory, "Recordings");

    /// <summary>Every final transcript of one client (snapshots left out: they are prefixes of these).</summary>
    public static IEnumerable<string> Transcripts(string client) =>
        Directory.EnumerateFiles(Path.Combine(Root, client), "*.jsonl", SearchOption.AllDirectories)
            .Where(IsFinalTranscript)
            .Order(StringComparer.Ordinal);

    /// <summary>Every final transcript of one client in <see cref="AllRecordings"/>.</summary>
    public static IEnumerable<string> AllTranscripts(string client) =>
        Directory.EnumerateDirectories(AllRecordings)
            .Select(folder => Path.Combine(folder, client))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.jsonl", SearchOption.AllDirectories))
            .Where(IsFinalTranscript)
            .Order(StringComparer.Ordinal);

    private static bool IsFinalTranscript(string p) =>
        !p.Contains($"{Path.DirectorySeparatorChar}snapshots{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        && (p.Contains($"{Path.DirectorySeparatorChar}projects{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            || p.Contains($"{Path.DirectorySeparatorChar}sessions{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>Writes the real transcripts of both clients over and over into one file until it reaches <paramref name="bytes"/>.</summary>
    public static string BuildLargeFile(long bytes)
    {
        string path = Path.Combine(Path.GetTempPath(), $"agentlive-bench-{bytes}.jsonl");
        if (File.Exists(path) && new FileInfo(path).Length >= bytes)
        {
            return path;
        }

        byte[][] sources = [.. Transcripts("claude").Concat(Transcripts("codex")).Select(File.ReadAllBytes)];
        using FileStream output = File.Create(path);
        while (output.Length < bytes)
        {
            foreach (byte[] source in sources)
            {
                output.Write(source);
            }
        }

        return path;
    }
}
