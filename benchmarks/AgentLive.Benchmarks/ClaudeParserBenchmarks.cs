using System.Text.Json;
using System.Text.Json.Nodes;
using AgentLive.Sources.Claude;
using BenchmarkDotNet.Attributes;

namespace AgentLive.Benchmarks;

/// <summary>
/// Parsing every line of the real Claude Code transcripts (repeated to 16 MB): the library's parser against a bare
/// <see cref="Utf8JsonReader"/> skim of the same bytes (the ceiling: every token read, nothing kept) and a
/// <see cref="JsonNode"/> parser of the same facts (what a user would write).
/// </summary>
[MemoryDiagnoser]
public class ClaudeParserBenchmarks
{
    private LineCorpus _corpus = null!;
    private readonly ClaudeLineParser _parser = new();
    private readonly ClaudeLine _line = new();

    [GlobalSetup]
    public void Setup()
    {
        _corpus = LineCorpus.Load("claude", 16L * 1024 * 1024);
        Console.WriteLine($"// corpus: {_corpus.Bytes} bytes, {_corpus.Lines.Length} lines");
    }

    [Benchmark(Baseline = true)]
    public int Skim()
    {
        int tokens = 0;
        foreach (byte[] line in _corpus.Lines)
        {
            var reader = new Utf8JsonReader(line);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    [Benchmark]
    public int ClaudeLineParser()
    {
        int toolUses = 0;
        foreach (byte[] line in _corpus.Lines)
        {
            _parser.TryParse(line, _line);
            toolUses += _line.ToolUses.Count;
        }

        return toolUses;
    }

    [Benchmark]
    public int JsonNodeParser()
    {
        int toolUses = 0;
        foreach (byte[] line in _corpus.Lines)
        {
            toolUses += JsonNodeFacts.Read(line).ToolUses;
        }

        return toolUses;
    }

    /// <summary>The same facts through <see cref="JsonNode"/>: the straightforward way.</summary>
    private static class JsonNodeFacts
    {
        public readonly record struct Facts(string? Type, string? Subtype, string? Timestamp, string? SessionId, string? Cwd, string? Branch,
            string? MessageId, string? Model, string? StopReason, long Input, long Output, long CacheRead, long CacheCreation, int ToolUses, int ToolResults, string? Text);

        public static Facts Read(byte[] line)
        {
            JsonNode? node = JsonNode.Parse(line);
            if (node is not JsonObject root)
            {
                return default;
            }

            JsonObject? message = root["message"] as JsonObject;
            JsonObject? usage = message?["usage"] as JsonObject;
            int toolUses = 0;
            int toolResults = 0;
            string? text = null;
            if (message?["content"] is JsonArray blocks)
            {
                foreach (JsonNode? block in blocks)
                {
                    switch ((string?)block?["type"])
                    {
                        case "tool_use":
                            toolUses++;
                            _ = (string?)block!["name"];
                            _ = block["input"]?["description"]?.ToString();
                            break;
                        case "tool_result":
                            toolResults++;
                            break;
                        case "text":
                            text ??= (string?)block!["text"];
                            break;
                    }
                }
            }
            else if (message?["content"] is JsonValue content && content.TryGetValue(out string? s))
            {
                text = s;
            }

            return new Facts(
                (string?)root["type"], (string?)root["subtype"], (string?)root["timestamp"], (string?)root["sessionId"],
                (string?)root["cwd"], (string?)root["gitBranch"], (string?)message?["id"], (string?)message?["model"],
                (string?)message?["stop_reason"], (long?)usage?["input_tokens"] ?? 0, (long?)usage?["output_tokens"] ?? 0,
                (long?)usage?["cache_read_input_tokens"] ?? 0, (long?)usage?["cache_creation_input_tokens"] ?? 0,
                toolUses, toolResults, text is null ? null : text[..Math.Min(text.Length, 240)]);
        }
    }
}
