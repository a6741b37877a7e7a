using System.Text.Json;
using AgentLive.Parsing;

namespace AgentLive.Sources.Claude;

/// <summary>A Claude Code transcript's conversation: prompts, answers, tool calls and results, errors, interrupts.</summary>
internal sealed class ClaudeMessageReader : MessageReaderBase
{
    protected override void Read(JsonElement line)
    {
        if (True(line, "isSidechain"))
        {
            return;
        }

        DateTimeOffset? time = Time(line);
        switch (Str(line, "type"))
        {
            case "user":
                ReadUser(line, time);
                break;
            case "assistant":
                ReadAssistant(line, time);
                break;
            case "system" when Str(line, "subtype") == "api_error":
                int status = Obj(line, "error") is { } error && error.TryGetProperty("status", out JsonElement s) && s.TryGetInt32(out int code) ? code : 0;
                Add(MessageRole.System, status > 0 ? $"API error {status}, retrying" : "API error, retrying", time);
                break;
        }
    }

    private void ReadUser(JsonElement line, DateTimeOffset? time)
    {
        if (Obj(line, "message") is not { } message || !message.TryGetProperty("content", out JsonElement content))
        {
            return;
        }

        if (content.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement block in content.EnumerateArray().Where(b => Str(b, "type") == "tool_result"))
            {
                string? output = block.TryGetProperty("content", out JsonElement result) ? TextOf(result) : null;
                Add(MessageRole.ToolResult, output, time, callId: Str(block, "tool_use_id"), isError: True(block, "is_error"));
            }
        }

        if (True(line, "isMeta") || True(line, "isCompactSummary") || TextOf(content) is not { Length: > 0 } text)
        {
            return;
        }

        switch (ClaudeUserText.Prefixes.Classify(text))
        {
            case ClaudeUserContent.Prompt when content.ValueKind == JsonValueKind.String || content.EnumerateArray().All(b => Str(b, "type") != "tool_result"):
                Add(MessageRole.User, text, time);
                break;
            case ClaudeUserContent.InterruptMarker:
                Add(MessageRole.System, text.Trim(), time);
                break;
        }
    }

    private void ReadAssistant(JsonElement line, DateTimeOffset? time)
    {
        if (Obj(line, "message") is not { } message || !message.TryGetProperty("content", out JsonElement content) || content.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        bool error = True(line, "isApiErrorMessage");
        foreach (JsonElement block in content.EnumerateArray())
        {
            switch (Str(block, "type"))
            {
                case "text":
                    Add(error ? MessageRole.System : MessageRole.Assistant, Str(block, "text"), time);
                    break;
                case "tool_use":
                    string? input = block.TryGetProperty("input", out JsonElement args) ? TextPreview.FromString(args.GetRawText(), 500) : null;
                    Add(MessageRole.ToolCall, input, time, Str(block, "name") ?? "tool", Str(block, "id"));
                    break;
            }
        }
    }
}
