using System.Text.Json;

namespace AgentLive.Sources.Codex;

/// <summary>The envelope and payload fields of a Codex line that the parser reads.</summary>
internal enum CodexField
{
    Other = 0,
    Type,
    Payload,
    Timestamp,
    Ordinal,
    RecordType,
    Id,
    Cwd,
    Git,
    Source,
    ForkedFromId,
    HistoryStartOrdinal,
    Model,
    ApprovalPolicy,
    Role,
    Content,
    CallId,
    Name,
    Input,
    Arguments,
    Error,
    Reason,
    Item,
    Info,
    ModelContextWindow,
    Message,
    Command,
    CliVersion,
    ThreadSource,
    Namespace,
    LastAgentMessage,
    ThreadTokenUsage,
}

/// <summary>Maps a property name to a <see cref="CodexField"/>, switching on length first.</summary>
internal static class CodexFields
{
    public static CodexField Identify(ref Utf8JsonReader reader)
    {
        // Codex (serde) never escapes property names.
        if (reader.ValueIsEscaped)
        {
            return CodexField.Other;
        }

        ReadOnlySpan<byte> name = reader.ValueSpan;
        return name.Length switch
        {
            2 when name.SequenceEqual("id"u8) => CodexField.Id,
            3 when name.SequenceEqual("cwd"u8) => CodexField.Cwd,
            3 when name.SequenceEqual("git"u8) => CodexField.Git,
            4 when name.SequenceEqual("type"u8) => CodexField.Type,
            4 when name.SequenceEqual("role"u8) => CodexField.Role,
            4 when name.SequenceEqual("name"u8) => CodexField.Name,
            4 when name.SequenceEqual("item"u8) => CodexField.Item,
            4 when name.SequenceEqual("info"u8) => CodexField.Info,
            5 when name.SequenceEqual("model"u8) => CodexField.Model,
            5 when name.SequenceEqual("input"u8) => CodexField.Input,
            5 when name.SequenceEqual("error"u8) => CodexField.Error,
            6 when name.SequenceEqual("source"u8) => CodexField.Source,
            6 when name.SequenceEqual("reason"u8) => CodexField.Reason,
            7 when name.SequenceEqual("payload"u8) => CodexField.Payload,
            7 when name.SequenceEqual("ordinal"u8) => CodexField.Ordinal,
            7 when name.SequenceEqual("content"u8) => CodexField.Content,
            7 when name.SequenceEqual("call_id"u8) => CodexField.CallId,
            7 when name.SequenceEqual("message"u8) => CodexField.Message,
            7 when name.SequenceEqual("command"u8) => CodexField.Command,
            9 when name.SequenceEqual("timestamp"u8) => CodexField.Timestamp,
            9 when name.SequenceEqual("namespace"u8) => CodexField.Namespace,
            9 when name.SequenceEqual("arguments"u8) => CodexField.Arguments,
            11 when name.SequenceEqual("record_type"u8) => CodexField.RecordType,
            11 when name.SequenceEqual("cli_version"u8) => CodexField.CliVersion,
            13 when name.SequenceEqual("thread_source"u8) => CodexField.ThreadSource,
            14 when name.SequenceEqual("forked_from_id"u8) => CodexField.ForkedFromId,
            15 when name.SequenceEqual("approval_policy"u8) => CodexField.ApprovalPolicy,
            16 when name.SequenceEqual("parent_thread_id"u8) => CodexField.ForkedFromId,
            18 when name.SequenceEqual("last_agent_message"u8) => CodexField.LastAgentMessage,
            18 when name.SequenceEqual("thread_token_usage"u8) => CodexField.ThreadTokenUsage,
            20 when name.SequenceEqual("model_context_window"u8) => CodexField.ModelContextWindow,
            30 when name.SequenceEqual("subagent_history_start_ordinal"u8) => CodexField.HistoryStartOrdinal,
            _ => CodexField.Other,
        };
    }
}
