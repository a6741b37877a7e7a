namespace AgentLive.Tests.Infrastructure;

/// <summary>Appends bytes to a file as a client does, on every target framework the tests build for.</summary>
internal static class Appender
{
    public static async Task AppendAsync(string path, byte[] bytes)
    {
        await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        await file.WriteAsync(bytes);
    }
}
