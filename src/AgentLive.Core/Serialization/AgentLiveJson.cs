using System.Text.Json;
using System.Text.Json.Serialization;
using AgentLive.Serialization;

namespace AgentLive;

/// <summary>
/// The JSON contract of sessions and events: camelCase names, enums as snake_case words, times as ISO-8601 UTC,
/// absent values as <c>null</c>. Use it for anything that leaves the process (a web view, a script, a log).
/// </summary>
/// <example>
/// <code>
/// await foreach (SessionEvent e in monitor.WatchAsync(ct))
/// {
///     Console.WriteLine(AgentLiveJson.Serialize(e)); // {"type":"session_updated","session":{...},"previous":{...}}
/// }
/// </code>
/// </example>
public static class AgentLiveJson
{
    /// <summary>Gets the serializer options of the contract (read-only; source-generated, so trimming and AOT safe).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes a session.</summary>
    /// <param name="session">The session.</param>
    /// <returns>One line of JSON.</returns>
    public static string Serialize(LiveSession session) => JsonSerializer.Serialize(session, AgentLiveJsonContext.Default.LiveSession);

    /// <summary>Serializes sessions as an array.</summary>
    /// <param name="sessions">The sessions.</param>
    /// <returns>One line of JSON.</returns>
    public static string Serialize(IReadOnlyList<LiveSession> sessions) => JsonSerializer.Serialize(sessions, AgentLiveJsonContext.Default.IReadOnlyListLiveSession);

    /// <summary>Serializes an event: <c>{"type":"session_updated","session":{…}}</c> and so on.</summary>
    /// <param name="item">The event.</param>
    /// <returns>One line of JSON.</returns>
    public static string Serialize(SessionEvent item) => JsonSerializer.Serialize(item, AgentLiveJsonContext.Default.SessionEvent);

    /// <summary>Serializes a conversation.</summary>
    /// <param name="messages">The messages.</param>
    /// <returns>One line of JSON.</returns>
    public static string Serialize(IReadOnlyList<SessionMessage> messages) => JsonSerializer.Serialize(messages, AgentLiveJsonContext.Default.IReadOnlyListSessionMessage);

    /// <summary>Serializes a summary: <c>{"needsYouCount":n,"workingCount":n,"doneCount":n,"totalTokensToday":n,"totalCostTodayUsd":x}</c>.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>One line of JSON.</returns>
    public static string Serialize(SessionSummary summary) => JsonSerializer.Serialize(summary, AgentLiveJsonContext.Default.SessionSummary);

    /// <summary>Serializes what a stop did: <c>{"outcome":"stopped","pid":n,"message":"…"}</c>.</summary>
    /// <param name="result">The result.</param>
    /// <returns>One line of JSON.</returns>
    public static string Serialize(StopResult result) => JsonSerializer.Serialize(result, AgentLiveJsonContext.Default.StopResult);

    /// <summary>Reads a session back (for consumers of the contract, and round-trip tests).</summary>
    /// <param name="json">A session as <see cref="Serialize(LiveSession)"/> wrote it.</param>
    /// <returns>The session.</returns>
    public static LiveSession? DeserializeSession(string json) => JsonSerializer.Deserialize(json, AgentLiveJsonContext.Default.LiveSession);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(AgentLiveJsonContext.Default.Options);
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>The source-generated serializers behind <see cref="AgentLiveJson"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters =
    [
        typeof(SnakeCaseEnumConverter<SessionStatus>),
        typeof(SnakeCaseEnumConverter<AgentStateKind>),
        typeof(SnakeCaseEnumConverter<StateEvidence>),
        typeof(SnakeCaseEnumConverter<MessageRole>),
        typeof(SnakeCaseEnumConverter<SubAgentStatus>),
        typeof(SnakeCaseEnumConverter<StopOutcome>),
        typeof(SessionEventJsonConverter),
        typeof(UtcTimeJsonConverter),
    ])]
[JsonSerializable(typeof(LiveSession))]
[JsonSerializable(typeof(IReadOnlyList<LiveSession>))]
[JsonSerializable(typeof(SessionEvent))]
[JsonSerializable(typeof(SessionSummary))]
[JsonSerializable(typeof(IReadOnlyList<SessionMessage>))]
[JsonSerializable(typeof(StopResult))]
internal sealed partial class AgentLiveJsonContext : JsonSerializerContext;
