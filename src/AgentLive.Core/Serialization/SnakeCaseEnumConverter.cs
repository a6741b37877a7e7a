using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentLive.Serialization;

/// <summary>Enums as snake_case words: <c>ToolRunning</c> → <c>"tool_running"</c>.</summary>
internal sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
