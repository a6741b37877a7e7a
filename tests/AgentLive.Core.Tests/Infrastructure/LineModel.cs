namespace AgentLive.Tests.Infrastructure;

/// <summary>The trivial model of what a tail reader must deliver for some file content.</summary>
public static class LineModel
{
    /// <summary>The complete, non-blank lines of <paramref name="content"/>, as a tail reader must deliver them.</summary>
    public static List<byte[]> Lines(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        var lines = new List<byte[]>();
        int newline;
        while ((newline = content.IndexOf((byte)'\n')) >= 0)
        {
            ReadOnlySpan<byte> line = content[..newline];
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') >= 0)
            {
                lines.Add(line.ToArray());
            }

            content = content[(newline + 1)..];
        }

        return lines;
    }

    /// <summary>Where a reader that has read everything must stand: just past the last line feed, else 0.</summary>
    public static long ExpectedOffset(ReadOnlySpan<byte> content) => content.LastIndexOf((byte)'\n') + 1;
}
