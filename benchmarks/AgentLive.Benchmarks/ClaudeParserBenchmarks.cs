using System.Text.Json.Nodes;
using AgentLive.Sources.Claude;
using BenchmarkDotNet.Attributes;

namespace AgentLive.Benchmarks;

/// <summary>
/// Parsing every line of the real Claude Code transcripts: the library's parser against the skim ceiling and a
/// <see cref="JsonNode"/> parser of the same facts (what a user would write).
/// </summary>
public class ClaudeParserBenchmarks : ParserBenchmarks
{
    private readonly ClaudeLineParser _parser = new();
    private readonly ClaudeLine _line = new();

    protected override string Client => "claude";

    [Benchmark]
    public int ClaudeLineParser()
    {
        int toolUses = 0;
        foreach (byte[] line in Corpus.Lines)
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
        foreach (byte[] line in Corpus.Lines)
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
