using System.Text;
using AgentLive.Tailing;

// Replays the bundled real transcripts into a temporary file a chunk at a time and shows the tail reader picking up
// exactly the complete lines that each append made available.
string demoRoot = Path.Combine(AppContext.BaseDirectory, "DemoData");
string[] transcripts = Directory.Exists(demoRoot)
    ? [.. Directory.EnumerateFiles(demoRoot, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
    : [];
if (transcripts.Length == 0)
{
    Console.Error.WriteLine("agentlive: no bundled transcripts found next to the program.");
    return 1;
}

string scratch = Directory.CreateTempSubdirectory("agentlive-demo-").FullName;
try
{
    var reader = new TailReader();
    foreach (string transcript in transcripts)
    {
        byte[] content = await File.ReadAllBytesAsync(transcript);
        string target = Path.Combine(scratch, Path.GetFileName(transcript));
        await using (File.Create(target))
        {
        }

        var sink = new TypeCountingSink();
        TailPosition position = TailPosition.Start;
        int reads = 0;
        const int Chunk = 7919;
        for (int at = 0; at < content.Length; at += Chunk)
        {
            await using (var append = new FileStream(target, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
            {
                await append.WriteAsync(content.AsMemory(at, Math.Min(Chunk, content.Length - at)));
            }

            position = (await reader.ReadAsync(target, position, sink)).Position;
            reads++;
        }

        string source = Path.GetRelativePath(demoRoot, transcript).Split(Path.DirectorySeparatorChar)[0];
        Console.WriteLine($"{source,-7} {Path.GetFileName(transcript)}");
        Console.WriteLine($"        {content.Length:N0} bytes appended in {reads} writes, {sink.Lines} lines read, position {position.Offset:N0}");
        Console.WriteLine($"        {string.Join(", ", sink.Types.OrderByDescending(t => t.Value).Select(t => $"{t.Key}×{t.Value}"))}");
    }
}
finally
{
    Directory.Delete(scratch, recursive: true);
}

return 0;

internal sealed class TypeCountingSink : ITailLineSink
{
    public int Lines { get; private set; }

    public Dictionary<string, int> Types { get; } = [];

    public void OnReset(TailResetReason reason) => Types.Clear();

    public void OnLine(ReadOnlySpan<byte> line, long offset)
    {
        Lines++;
        var json = new System.Text.Json.Utf8JsonReader(line);
        string type = "?";
        if (json.Read() && json.TokenType == System.Text.Json.JsonTokenType.StartObject)
        {
            while (json.Read() && json.TokenType == System.Text.Json.JsonTokenType.PropertyName)
            {
                bool isType = json.ValueTextEquals("type"u8);
                json.Read();
                if (isType && json.TokenType == System.Text.Json.JsonTokenType.String)
                {
                    type = json.GetString() ?? "?";
                    break;
                }

                json.TrySkip();
            }
        }

        Types[type] = Types.GetValueOrDefault(type) + 1;
    }
}
