using System.Text.Json;
using System.Text.Json.Serialization;
using AgentLive.State;

namespace AgentLive.Serialization;

/// <summary>An agent state as <c>{"group":"needs_you","state":"awaiting_input","label":"…"}</c>.</summary>
internal sealed class AgentStateJsonConverter : JsonConverter<AgentState>
{
    private static readonly JsonNamingPolicy Words = JsonNamingPolicy.SnakeCaseLower;

    public override AgentState? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        JsonElement root = document.RootElement;
        string state = root.GetProperty("state").GetString() ?? "";
        AgentStateKind kind = Enum.GetValues<AgentStateKind>().FirstOrDefault(k => Words.ConvertName(k.ToString()) == state);
        return new AgentState(kind, root.GetProperty("label").GetString() ?? "");
    }

    public override void Write(Utf8JsonWriter writer, AgentState value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("group", Words.ConvertName(value.Group.ToString()));
        writer.WriteString("state", Words.ConvertName(value.Kind.ToString()));
        writer.WriteString("label", value.Label);
        writer.WriteEndObject();
    }
}
