using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentLive.Serialization;

/// <summary>
/// Events as <c>{"type":"session_discovered","session":{…}}</c>,
/// <c>{"type":"session_updated","session":{…},"previous":{…}}</c>, <c>{"type":"session_completed","session":{…}}</c>
/// <c>{"type":"summary","needsYouCount":n,"workingCount":n,"doneCount":n,"totalTokensToday":n,"totalCostTodayUsd":x}</c>
/// and <c>{"type":"format_drift","source":"…","sessionId":"…","kind":"field","name":"…","clientVersion":"…"}</c>,
/// each with its <c>timestamp</c>.
/// </summary>
internal sealed class SessionEventJsonConverter : JsonConverter<SessionEvent>
{
    public override bool CanConvert(Type typeToConvert) => typeof(SessionEvent).IsAssignableFrom(typeToConvert);

    public override SessionEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Events are written, not read.");

    public override void Write(Utf8JsonWriter writer, SessionEvent value, JsonSerializerOptions options)
    {
        var context = (AgentLiveJsonContext)options.TypeInfoResolver!;
        writer.WriteStartObject();
        switch (value)
        {
            case SessionDiscovered discovered:
                writer.WriteString("type", "session_discovered");
                WriteSession(writer, discovered.Session, context);
                break;
            case SessionUpdated updated:
                writer.WriteString("type", "session_updated");
                WriteSession(writer, updated.Session, context);
                writer.WritePropertyName("previous");
                JsonSerializer.Serialize(writer, updated.Previous, context.LiveSession);
                break;
            case SessionCompleted completed:
                writer.WriteString("type", "session_completed");
                WriteSession(writer, completed.Session, context);
                break;
            case SummaryChanged summary:
                writer.WriteString("type", "summary");
                writer.WriteNumber("needsYouCount", summary.Summary.NeedsYouCount);
                writer.WriteNumber("workingCount", summary.Summary.WorkingCount);
                writer.WriteNumber("doneCount", summary.Summary.DoneCount);
                writer.WriteNumber("totalTokensToday", summary.Summary.TotalTokensToday);
                writer.WriteNumber("totalCostTodayUsd", summary.Summary.TotalCostTodayUsd);
                break;
            case FormatDriftDetected drift:
                writer.WriteString("type", "format_drift");
                writer.WriteString("source", drift.Source);
                writer.WriteString("sessionId", drift.SessionId);
                writer.WriteString("kind", JsonNamingPolicy.SnakeCaseLower.ConvertName(drift.Kind.ToString()));
                writer.WriteString("name", drift.Name);
                writer.WriteString("clientVersion", drift.ClientVersion);
                break;
            default:
                writer.WriteString("type", "unknown");
                break;
        }

        writer.WritePropertyName("timestamp");
        new UtcTimeJsonConverter().Write(writer, value.Timestamp, options);
        writer.WriteEndObject();
    }

    private static void WriteSession(Utf8JsonWriter writer, LiveSession session, AgentLiveJsonContext context)
    {
        writer.WritePropertyName("session");
        JsonSerializer.Serialize(writer, session, context.LiveSession);
    }
}
