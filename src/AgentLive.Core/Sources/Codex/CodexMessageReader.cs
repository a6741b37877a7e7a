using System.Text.Json;

namespace AgentLive.Sources.Codex;

/// <summary>A Codex rollout's conversation: prompts, answers, tool calls and outputs, errors, interrupts.</summary>
internal sealed class CodexMessageReader : MessageReaderBase
{
    private bool _sawEvents;

    protected override void Clear() => _sawEvents = false;

    protected override void Read(JsonElement line)
    {
        DateTimeOffset? time = Time(line);
        bool envelope = Obj(line, "payload") is not null;
        JsonElement payload = Obj(line, "payload") ?? line;
        string? type = Str(line, "type");
        if (envelope && type == "event_msg")
        {
            _sawEvents = true;
            ReadEvent(payload, time);
        }
        else if (!envelope || type == "response_item")
        {
            ReadItem(payload, time, legacy: !envelope && !_sawEvents);
        }
    }

    private void ReadEvent(JsonElement payload, DateTimeOffset? time)
    {
        switch (Str(payload, "type"))
        {
            case "item_completed" when Obj(payload, "item") is { } item && Str(item, "type") == "UserMessage":
                Add(MessageRole.User, item.TryGetProperty("content", out JsonElement content) ? TextOf(content) : null, time);
                break;
            case "user_message":
                Add(MessageRole.User, Str(payload, "message"), time);
                break;
            case "task_complete" when Obj(payload, "error") is { } error:
                Add(MessageRole.System, $"Error: {Str(error, "message")}", time);
                break;
            case "turn_aborted":
                Add(MessageRole.System, $"Turn aborted ({Str(payload, "reason") ?? "interrupted"})", time);
                break;
            case "error":
                Add(MessageRole.System, $"Error: {Str(payload, "message")}", time);
                break;
        }
    }

    private void ReadItem(JsonElement item, DateTimeOffset? time, bool legacy)
    {
        switch (Str(item, "type"))
        {
            case "message" when Str(item, "role") == "assistant":
                Add(MessageRole.Assistant, item.TryGetProperty("content", out JsonElement answer) ? TextOf(answer) : null, time);
                break;
            case "message" when legacy && Str(item, "role") == "user"
                && item.TryGetProperty("content", out JsonElement prompt) && TextOf(prompt) is { } text
                && CodexUserTextRules.Prefixes.Classify(text) == CodexUserText.Prompt:
                Add(MessageRole.User, text, time);
                break;
            case "function_call":
                Add(MessageRole.ToolCall, Str(item, "arguments"), time, Str(item, "name") ?? "tool", Str(item, "call_id"));
                break;
            case "custom_tool_call":
                Add(MessageRole.ToolCall, Str(item, "input"), time, Str(item, "name") ?? "tool", Str(item, "call_id"));
                break;
            case "function_call_output" or "custom_tool_call_output":
                string? output = item.TryGetProperty("output", out JsonElement value) ? TextOf(value) : null;
                Add(MessageRole.ToolResult, output, time, callId: Str(item, "call_id"));
                break;
        }
    }
}
