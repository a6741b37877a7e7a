namespace AgentLive.Benchmarks;

/// <summary>The lines of one client's real transcripts, repeated to a fixed size, held in memory.</summary>
public sealed class LineCorpus
{
    private LineCorpus(byte[][] lines)
    {
        Lines = lines;
        Bytes = lines.Sum(l => (long)l.Length + 1);
    }

    public byte[][] Lines { get; }

    public long Bytes { get; }

    public static LineCorpus Load(string client, long targetBytes)
    {
        byte[][] source = [.. Corpus.Transcripts(client).SelectMany(path => File.ReadAllBytes(path).AsSpan().ToArray().Split())];
        var lines = new List<byte[]>();
        long bytes = 0;
        while (bytes < targetBytes)
        {
            foreach (byte[] line in source)
            {
                lines.Add(line);
                bytes += line.Length + 1;
            }
        }

        return new LineCorpus([.. lines]);
    }
}

internal static class ByteLines
{
    public static IEnumerable<byte[]> Split(this byte[] content)
    {
        int start = 0;
        for (int i = 0; i < content.Length; i++)
        {
            if (content[i] == (byte)'\n')
            {
                yield return content[start..i];
                start = i + 1;
            }
        }
    }
}
