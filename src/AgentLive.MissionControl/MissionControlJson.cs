using System.Text.Json.Serialization;

namespace AgentLive.MissionControl;

/// <summary>The outcome of a stop request: <c>outcome</c> is the library's <c>StopOutcome</c> in snake_case.</summary>
internal sealed record StopResponse(string SessionId, string Outcome, int? Pid, string Message);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StopResponse))]
internal sealed partial class MissionControlJson : JsonSerializerContext;
