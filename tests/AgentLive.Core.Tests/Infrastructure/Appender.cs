namespace AgentLive.Tests.Infrastructure;

/// <summary>Appends lines to a file as a client does: one stream, each line followed by a line feed.</summary>
internal static class Appender
{
    public static async Task AppendLinesAsync(string path, IEnumerable<byte[]> lines)
    {
        await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        foreach (byte[] line in lines)
        {
            await file.WriteAsync(line);
            await file.WriteAsync("\n"u8.ToArray());
        }
    }
}
