using System.Text.Json.Nodes;
using AgentLive.Sources.Codex;
using BenchmarkDotNet.Attributes;

namespace AgentLive.Benchmarks;

/// <summary>
/// Parsing every line of the real Codex rollouts: the library's parser against the skim ceiling and a
/// <see cref="JsonNode"/> parser of the same facts (what a user would write).
/// </summary>
public class CodexParserBenchmarks : ParserBenchmarks
{
    private readonly CodexLineParser _parser = new();
    private readonly CodexLine _line = new();

    protected override string Client => "codex";

    [Benchmark]
    public long CodexLineParser()
    {
        long tokens = 0;
        foreach (byte[] line in Corpus.Lines)
        {
            _parser.TryParse(line, _line);
            tokens += _line.TotalUsage.Output;
        }

        return tokens;
    }

    [Benchmark]
    public long JsonNodeParser()
    {
        long tokens = 0;
        foreach (byte[] line in Corpus.Lines)
        {
            tokens += JsonNodeFacts.Read(line).Output;
        }

        return tokens;
    }

    /// <summary>The same facts through <see cref="JsonNode"/>: the straightforward way.</summary>
    private static class JsonNodeFacts
    {
        public readonly record struct Facts(string? Type, string? PayloadType, string? Timestamp, string? Id, string? Cwd, string? Branch,
            string? Model, string? Role, string? CallId, string? Name, string? Input, string? ItemType, string? Command, string? Text, long Output);

        public static Facts Read(byte[] line)
        {
            if (JsonNode.Parse(line) is not JsonObject root)
            {
                return default;
            }

            JsonObject payload = root["payload"] as JsonObject ?? root;
            JsonObject? item = payload["item"] as JsonObject;
            JsonObject? total = payload["info"]?["total_token_usage"] as JsonObject;
            string? text = payload["content"] is JsonArray content ? (string?)content.FirstOrDefault()?["text"] : null;
            return new Facts(
                (string?)root["type"], (string?)payload["type"], (string?)root["timestamp"], (string?)payload["id"],
                (string?)payload["cwd"], (string?)payload["git"]?["branch"], (string?)payload["model"], (string?)payload["role"],
                (string?)payload["call_id"], (string?)payload["name"], (string?)payload["input"] ?? (string?)payload["arguments"],
                (string?)item?["type"], item?["command"] is JsonArray command ? (string?)command[^1] : null,
                text is null ? null : text[..Math.Min(text.Length, 240)],
                (long?)total?["output_tokens"] ?? 0);
        }
    }
}
