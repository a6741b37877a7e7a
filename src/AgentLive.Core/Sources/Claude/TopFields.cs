using System.Text.Json;

namespace AgentLive.Sources.Claude;

/// <summary>The top-level fields of a Claude Code line that the parser reads.</summary>
internal enum TopField
{
    Other = 0,
    Type,
    Subtype,
    Timestamp,
    IsSidechain,
    IsMeta,
    IsCompactSummary,
    IsApiErrorMessage,
    IsAbortedMidStream,
    SessionId,
    Cwd,
    GitBranch,
    Message,
    ToolUseResult,
    RetryAttempt,
    MaxRetries,
    Error,
    Data,
    ParentToolUseId,
    Attachment,
    CustomTitle,
    AiTitle,
    Summary,
    LastPrompt,
    Params,
    TotalCostUsd,
    ApiErrorStatus,
    QuerySource,
    PermissionMode,
    Version,
}

/// <summary>Maps a property name to a <see cref="TopField"/>, switching on length first so most names cost one compare.</summary>
internal static class TopFields
{
    public static TopField Identify(ref Utf8JsonReader reader)
    {
        // Claude Code never escapes property names; an escaped one is simply not a field this parser reads.
        if (reader.ValueIsEscaped)
        {
            return TopField.Other;
        }

        ReadOnlySpan<byte> name = reader.ValueSpan;
        return name.Length switch
        {
            3 when name.SequenceEqual("cwd"u8) => TopField.Cwd,
            4 when name.SequenceEqual("type"u8) => TopField.Type,
            4 when name.SequenceEqual("data"u8) => TopField.Data,
            5 when name.SequenceEqual("error"u8) => TopField.Error,
            6 when name.SequenceEqual("isMeta"u8) => TopField.IsMeta,
            6 when name.SequenceEqual("params"u8) => TopField.Params,
            7 when name.SequenceEqual("subtype"u8) => TopField.Subtype,
            7 when name.SequenceEqual("message"u8) => TopField.Message,
            7 when name.SequenceEqual("summary"u8) => TopField.Summary,
            7 when name.SequenceEqual("aiTitle"u8) => TopField.AiTitle,
            7 when name.SequenceEqual("version"u8) => TopField.Version,
            9 when name.SequenceEqual("timestamp"u8) => TopField.Timestamp,
            9 when name.SequenceEqual("sessionId"u8) => TopField.SessionId,
            9 when name.SequenceEqual("gitBranch"u8) => TopField.GitBranch,
            10 when name.SequenceEqual("attachment"u8) => TopField.Attachment,
            10 when name.SequenceEqual("maxRetries"u8) => TopField.MaxRetries,
            10 when name.SequenceEqual("lastPrompt"u8) => TopField.LastPrompt,
            11 when name.SequenceEqual("isSidechain"u8) => TopField.IsSidechain,
            11 when name.SequenceEqual("customTitle"u8) => TopField.CustomTitle,
            11 when name.SequenceEqual("querySource"u8) => TopField.QuerySource,
            12 when name.SequenceEqual("retryAttempt"u8) => TopField.RetryAttempt,
            12 when name.SequenceEqual("totalCostUSD"u8) => TopField.TotalCostUsd,
            13 when name.SequenceEqual("toolUseResult"u8) => TopField.ToolUseResult,
            14 when name.SequenceEqual("apiErrorStatus"u8) => TopField.ApiErrorStatus,
            14 when name.SequenceEqual("permissionMode"u8) => TopField.PermissionMode,
            15 when name.SequenceEqual("parentToolUseID"u8) => TopField.ParentToolUseId,
            16 when name.SequenceEqual("isCompactSummary"u8) => TopField.IsCompactSummary,
            17 when name.SequenceEqual("isApiErrorMessage"u8) => TopField.IsApiErrorMessage,
            18 when name.SequenceEqual("isAbortedMidStream"u8) => TopField.IsAbortedMidStream,
            _ => TopField.Other,
        };
    }
}
