using System.Text.Json;

namespace AgentLive.Sources;

/// <summary>
/// The shared part of the built-in message readers: one <see cref="JsonDocument"/> per line (reading a conversation is
/// rare and on demand, so clarity wins over allocation here), malformed lines skipped, long texts cut.
/// </summary>
internal abstract class MessageReaderBase : ISessionMessageReader
{
    /// <summary>The longest text kept per message.</summary>
    protected const int MaxText = 4000;

    private readonly List<SessionMessage> _messages = [];

    public IReadOnlyList<SessionMessage> Messages => _messages;

    public void OnReset()
    {
        _messages.Clear();
        Clear();
    }

    public void OnLine(ReadOnlySpan<byte> line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line.ToArray());
        }
        catch (JsonException)
        {
            return;
        }

        using (document)
        {
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                Read(document.RootElement);
            }
        }
    }

    protected abstract void Read(JsonElement line);

    protected virtual void Clear()
    {
    }

    protected void Add(MessageRole role, string? text, DateTimeOffset? time, string? tool = null, string? callId = null, bool isError = false)
    {
        if (!string.IsNullOrWhiteSpace(text) || tool is not null)
        {
            _messages.Add(new SessionMessage
            {
                Role = role,
                Text = Cut(text ?? ""),
                Timestamp = time,
                ToolName = tool,
                ToolCallId = callId,
                IsError = isError,
            });
        }
    }

    protected static string? Str(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    protected static JsonElement? Obj(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    protected static bool True(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.True;

    protected static DateTimeOffset? Time(JsonElement parent) =>
        parent.TryGetProperty("timestamp", out JsonElement value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out DateTimeOffset time)
            ? time
            : null;

    /// <summary>The text of a string, or of the <c>text</c> items of an array, joined by new lines.</summary>
    protected static string? TextOf(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString(),
        JsonValueKind.Array => string.Join('\n', content.EnumerateArray().Select(item => Str(item, "text")).OfType<string>()),
        _ => null,
    };

    private static string Cut(string text) => text.Length <= MaxText ? text : string.Concat(text.AsSpan(0, MaxText), "…");
}
