using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Unicode;
using AgentLive.Parsing;

namespace AgentLive.Sources.Codex;

/// <summary>
/// Reads the facts of one Codex rollout line in a single <see cref="Utf8JsonReader"/> pass, for the current envelope
/// (<c>{timestamp, ordinal, type, payload}</c>) and for older lines without one (a bare header first, then bare
/// response items).
/// </summary>
/// <remarks>
/// Values whose use depends on the line's type (an id, a message's text) are located while reading and materialised
/// afterwards, only when the type calls for them; field order therefore never changes the facts.
/// </remarks>
internal sealed class CodexLineParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 512 };

    private readonly Utf8StringCache _cache = new();

    // Scratch space reused line after line, so that reading nested objects allocates nothing.
    private readonly long[] _usage = new long[5];
    private readonly StrongBox<string?> _branch = new();

    private DeferredString _id;
    private DeferredString _messageText;
    private DeferredString _itemText;
    private DeferredString _eventMessage;
    private string? _topType;
    private string? _payloadTypeName;
    private bool _hasPayload;
    private bool _stoppedEarly;
    private (string? Summary, bool Escalated)? _freeformInput;
    private (string? Summary, bool Escalated)? _jsonArguments;
    private string? _payloadCommand;
    private string? _itemCommand;
    private long? _payloadContextWindow;
    private long? _infoContextWindow;
    private string? _spawnParent;
    private string? _forkedFrom;
    private bool _hasRecordType;

    public bool TryParse(ReadOnlySpan<byte> line, CodexLine into)
    {
        into.Reset();
        if (!Utf8.IsValid(line))
        {
            return false;
        }

        _id.Clear();
        _messageText.Clear();
        _itemText.Clear();
        _eventMessage.Clear();
        _topType = _payloadTypeName = _spawnParent = _forkedFrom = null;
        _stoppedEarly = false;
        _freeformInput = _jsonArguments = null;
        _payloadCommand = _itemCommand = null;
        _payloadContextWindow = _infoContextWindow = null;
        _hasPayload = _hasRecordType = false;
        try
        {
            var reader = new Utf8JsonReader(line, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            ReadFields(ref reader, into, topLevel: true);
            if (!_stoppedEarly && reader.Read())
            {
                into.Reset();
                return false;
            }

            Finish(line, into);
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            into.Reset();
            return false;
        }
    }

    /// <summary>A developer-role message or tool list whose envelope time and ordinal are already read.</summary>
    private bool IsDeveloperContext(CodexLine line) =>
        line.Role == "developer" && _topType == "response_item" && _payloadTypeName is "message" or "additional_tools"
        && line.Timestamp is not null && line.Ordinal is not null;

    private void Finish(ReadOnlySpan<byte> bytes, CodexLine line)
    {
        if (_hasPayload)
        {
            line.Kind = _topType switch
            {
                "session_meta" => CodexLineKind.SessionMeta,
                "turn_context" => CodexLineKind.TurnContext,
                "response_item" => CodexLineKind.ResponseItem,
                "event_msg" => CodexLineKind.EventMsg,
                "compacted" => CodexLineKind.Compacted,
                "world_state" or "token_usage_record" or "inter_agent_communication" or "inter_agent_communication_metadata" => CodexLineKind.Bookkeeping,
                _ => CodexLineKind.Unknown,
            };
            line.PayloadType = PayloadTypeOf(_payloadTypeName);
        }
        else if (_topType is null && _id.IsSet)
        {
            // Pre-envelope rollouts (2025) start with a bare header: {id, timestamp, instructions, cwd?, git?}.
            line.Kind = CodexLineKind.SessionMeta;
        }
        else if (_topType is null && _hasRecordType)
        {
            line.Kind = CodexLineKind.Bookkeeping;
        }
        else if (PayloadTypeOf(_topType) is var bare and not CodexPayloadType.Other)
        {
            // A pre-envelope response item: the item's own fields are at the top level.
            line.Kind = CodexLineKind.ResponseItem;
            line.PayloadType = bare;
        }

        line.Command = line.ItemType == CodexItemType.CommandExecution ? _itemCommand : _payloadCommand ?? _itemCommand;
        line.ModelContextWindow = _infoContextWindow ?? _payloadContextWindow;

        // A custom (freeform) tool's call carries "input"; a function call carries JSON "arguments".
        if ((line.PayloadType == CodexPayloadType.CustomToolCall ? _freeformInput : _jsonArguments ?? _freeformInput) is var (summary, escalated))
        {
            (line.ToolSummary, line.Escalated) = (summary, escalated);
        }

        if (line.Kind == CodexLineKind.SessionMeta)
        {
            line.Id = _id.Interned(bytes, _cache);

            // A spawned sub-agent names its parent inside source; a fork names it at the top of the payload.
            line.ParentThreadId = _spawnParent ?? _forkedFrom;
        }

        if (line.PayloadType == CodexPayloadType.Message && line.Role == "user" && _messageText.IsSet)
        {
            line.UserText = _messageText.Classify(bytes, static (text, _) => CodexUserTextRules.Prefixes.Classify(text.Span));
            line.Text = line.UserText == CodexUserText.Prompt ? _messageText.Preview(bytes, TextPreview.PromptChars) : null;
        }

        if (line.ItemType == CodexItemType.UserMessage)
        {
            line.ItemText = _itemText.Preview(bytes, TextPreview.PromptChars);
        }

        if (line.PayloadType is CodexPayloadType.UserMessage or CodexPayloadType.Error)
        {
            line.Text = _eventMessage.Preview(bytes, TextPreview.PromptChars);
            line.ErrorMessage = line.PayloadType == CodexPayloadType.Error ? line.Text : line.ErrorMessage;
            line.HasError |= line.PayloadType == CodexPayloadType.Error;
        }

        if (line.Kind is not (CodexLineKind.ResponseItem or CodexLineKind.EventMsg))
        {
            line.PayloadType = CodexPayloadType.Other;
        }

        if (line.Kind == CodexLineKind.ResponseItem && line.Role == "developer" && _payloadTypeName is "message" or "additional_tools")
        {
            // The same facts however much of the line was read: its kind, type, role and envelope.
            (CodexPayloadType type, DateTimeOffset? time, long? ordinal, bool partially) = (line.PayloadType, line.Timestamp, line.Ordinal, line.ReadPartially);
            line.Reset();
            (line.Kind, line.PayloadType, line.Role, line.Timestamp, line.Ordinal, line.ReadPartially) =
                (CodexLineKind.ResponseItem, type, "developer", time, ordinal, partially);
        }
    }

    internal static CodexPayloadType PayloadTypeOf(string? type) => type switch
    {
        "message" => CodexPayloadType.Message,
        "reasoning" => CodexPayloadType.Reasoning,
        "function_call" => CodexPayloadType.FunctionCall,
        "custom_tool_call" => CodexPayloadType.CustomToolCall,
        "local_shell_call" => CodexPayloadType.LocalShellCall,
        "function_call_output" or "local_shell_call_output" => CodexPayloadType.FunctionCallOutput,
        "custom_tool_call_output" => CodexPayloadType.CustomToolCallOutput,
        "task_started" or "turn_started" => CodexPayloadType.TaskStarted,
        "task_complete" or "turn_complete" => CodexPayloadType.TaskComplete,
        "turn_aborted" => CodexPayloadType.TurnAborted,
        "token_count" => CodexPayloadType.TokenCount,
        "item_completed" => CodexPayloadType.ItemCompleted,
        "user_message" => CodexPayloadType.UserMessage,
        "agent_message" => CodexPayloadType.AgentMessage,
        "exec_command_begin" => CodexPayloadType.ExecCommandBegin,
        "exec_command_end" => CodexPayloadType.ExecCommandEnd,
        "error" => CodexPayloadType.Error,
        _ => CodexPayloadType.Other,
    };

    /// <summary>Reads the fields of the envelope (<paramref name="topLevel"/>) or of its payload.</summary>
    private void ReadFields(ref Utf8JsonReader reader, CodexLine line, bool topLevel)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            CodexField field = CodexFields.Identify(ref reader);
            reader.Read();
            switch (field)
            {
                case CodexField.Type when topLevel:
                    _topType = JsonValues.Interned(ref reader, _cache);
                    break;
                case CodexField.Type:
                    _payloadTypeName = JsonValues.Interned(ref reader, _cache);
                    break;
                case CodexField.Payload when topLevel && reader.TokenType == JsonTokenType.StartObject:
                    _hasPayload = true;
                    ReadFields(ref reader, line, topLevel: false);
                    if (_stoppedEarly)
                    {
                        return;
                    }

                    break;
                case CodexField.Timestamp when topLevel:
                    line.Timestamp = JsonValues.Timestamp(ref reader);
                    break;
                case CodexField.Ordinal when topLevel:
                    line.Ordinal = JsonValues.OptionalInt64(ref reader);
                    break;
                case CodexField.RecordType when topLevel:
                    _hasRecordType = true;
                    break;
                case CodexField.Id:
                    _id.Capture(ref reader);
                    break;
                case CodexField.Cwd:
                    line.Cwd = JsonValues.Interned(ref reader, _cache);
                    break;
                case CodexField.Git:
                    line.GitBranch = ReadGitBranch(ref reader);
                    break;
                case CodexField.CliVersion:
                    line.CliVersion = JsonValues.Interned(ref reader, _cache);
                    break;
                case CodexField.Originator:
                    line.Originator = JsonValues.Interned(ref reader, _cache);
                    break;
                case CodexField.Source:
                    ReadSource(ref reader, line);
                    break;
                case CodexField.ForkedFromId:
                    _forkedFrom = JsonValues.Interned(ref reader, _cache);
                    break;
                case CodexField.HistoryStartOrdinal:
                    line.HistoryStartOrdinal = JsonValues.OptionalInt64(ref reader);
                    break;
                case CodexField.Model:
                    line.Model = JsonValues.Interned(ref reader, _cache);
                    break;
                case CodexField.ApprovalPolicy:
                    line.ApprovalPolicy = reader.TokenType == JsonTokenType.String ? JsonValues.Interned(ref reader, _cache) : ReadObjectKind(ref reader);
                    break;
                case CodexField.Role:
                    line.Role = JsonValues.Interned(ref reader, _cache);
                    if (!topLevel && IsDeveloperContext(line))
                    {
                        // Developer instructions and tool schemas are 58% of a rollout's bytes and nothing of its
                        // state: once the envelope has given the time and order, the rest is left untokenised
                        // (and unvalidated).
                        _stoppedEarly = true;
                        line.ReadPartially = true;
                        return;
                    }

                    break;
                case CodexField.Content:
                    ReadFirstText(ref reader, ref _messageText);
                    break;
                case CodexField.CallId:
                    line.CallId = JsonValues.Interned(ref reader, _cache);
                    break;
                case CodexField.Name:
                    line.Name = JsonValues.Interned(ref reader, _cache);
                    break;
                case CodexField.Input:
                    _freeformInput = ReadToolInput(ref reader, freeform: true);
                    break;
                case CodexField.Arguments:
                    _jsonArguments = ReadToolInput(ref reader, freeform: false);
                    break;
                case CodexField.Error:
                    ReadError(ref reader, line);
                    break;
                case CodexField.Reason:
                    line.Reason = JsonValues.Interned(ref reader, _cache);
                    break;
                case CodexField.Item:
                    ReadItem(ref reader, line);
                    break;
                case CodexField.Info:
                    ReadTokenInfo(ref reader, line);
                    break;
                case CodexField.ModelContextWindow:
                    _payloadContextWindow = JsonValues.OptionalInt64(ref reader);
                    break;
                case CodexField.Message:
                    _eventMessage.Capture(ref reader);
                    JsonValues.Skip(ref reader);
                    break;
                case CodexField.Command:
                    _payloadCommand = reader.TokenType == JsonTokenType.StartArray
                        ? CodexToolInput.LastString(ref reader)
                        : JsonValues.Preview(ref reader, TextPreview.ArgumentChars);
                    break;
                default:
                    JsonValues.Skip(ref reader);
                    break;
            }
        }
    }

    /// <summary>A call's input (freeform text, or JSON arguments as a string), summarised; <see langword="null"/> for any other shape.</summary>
    private static (string? Summary, bool Escalated)? ReadToolInput(ref Utf8JsonReader reader, bool freeform)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            JsonValues.Skip(ref reader);
            return null;
        }

        return JsonValues.Unescaped(ref reader, freeform, static (text, isFreeform) =>
            isFreeform ? CodexToolInput.FromFreeform(text.Span) : CodexToolInput.FromJsonArguments(text.Span));
    }

    private string? ReadGitBranch(ref Utf8JsonReader reader)
    {
        _branch.Value = null;
        JsonObjects.ForEach(ref reader, (_branch, _cache), static (ref Utf8JsonReader r, (StrongBox<string?> Branch, Utf8StringCache Cache) s) =>
            JsonObjects.Interned(ref r, "branch"u8, s.Cache, ref s.Branch.Value));
        return _branch.Value;
    }

    /// <summary>
    /// <c>source</c> is a string (<c>exec</c>, <c>cli</c>, <c>vscode</c>, …) or an object naming a sub-agent:
    /// <c>{"subagent": "review"}</c> or <c>{"subagent": {"thread_spawn": {"parent_thread_id": …}}}</c>.
    /// </summary>
    private void ReadSource(ref Utf8JsonReader reader, CodexLine line)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            line.Source = JsonValues.Interned(ref reader, _cache);
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            JsonValues.Skip(ref reader);
            return;
        }

        int depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            if (reader.ValueTextEquals("subagent"u8))
            {
                line.IsSubAgent = true;
                line.Source = "subagent";
            }
            else if (reader.ValueTextEquals("parent_thread_id"u8))
            {
                reader.Read();
                _spawnParent = JsonValues.Interned(ref reader, _cache);
            }
        }
    }

    /// <summary>An approval policy written as an object (<c>{"granular": …}</c>): its single key.</summary>
    private string? ReadObjectKind(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            JsonValues.Skip(ref reader);
            return null;
        }

        string? kind = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            kind ??= _cache.Get(reader.ValueSpan);
            reader.Read();
            JsonValues.Skip(ref reader);
        }

        return kind;
    }

    /// <summary>Locates the first <c>text</c> of a content array (<c>[{type: input_text, text}]</c>) or a string content.</summary>
    private static void ReadFirstText(ref Utf8JsonReader reader, ref DeferredString text)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            text.Capture(ref reader);
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            JsonValues.Skip(ref reader);
            return;
        }

        bool found = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject || found)
            {
                JsonValues.Skip(ref reader);
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isText = reader.ValueTextEquals("text"u8);
                reader.Read();
                if (isText && reader.TokenType == JsonTokenType.String)
                {
                    text.Capture(ref reader);
                    found = true;
                }
                else
                {
                    JsonValues.Skip(ref reader);
                }
            }
        }
    }

    private static void ReadError(ref Utf8JsonReader reader, CodexLine line)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return;
            case JsonTokenType.String:
                line.HasError = true;
                line.ErrorMessage = JsonValues.Preview(ref reader, TextPreview.PromptChars);
                return;
            case JsonTokenType.StartObject:
                line.HasError = true;
                JsonObjects.ForEach(ref reader, line, static (ref Utf8JsonReader r, CodexLine l) =>
                    JsonObjects.Preview(ref r, "message"u8, TextPreview.PromptChars, ref l.ErrorMessage));
                return;
            default:
                JsonValues.Skip(ref reader);
                return;
        }
    }

    private void ReadItem(ref Utf8JsonReader reader, CodexLine line) =>
        JsonObjects.ForEach(ref reader, (Parser: this, Line: line), static (ref Utf8JsonReader r, (CodexLineParser Parser, CodexLine Line) s) =>
        {
            if (r.ValueTextEquals("type"u8))
            {
                r.Read();
                JsonValues.Skip(ref r);
                s.Line.ItemType = r.TokenType != JsonTokenType.String ? CodexItemType.Other
                    : r.ValueTextEquals("UserMessage"u8) ? CodexItemType.UserMessage
                    : r.ValueTextEquals("AgentMessage"u8) ? CodexItemType.AgentMessage
                    : r.ValueTextEquals("CommandExecution"u8) ? CodexItemType.CommandExecution
                    : CodexItemType.Other;
                return true;
            }

            if (r.ValueTextEquals("content"u8))
            {
                r.Read();
                ReadFirstText(ref r, ref s.Parser._itemText);
                return true;
            }

            if (r.ValueTextEquals("command"u8))
            {
                r.Read();
                s.Parser._itemCommand = r.TokenType == JsonTokenType.StartArray
                    ? CodexToolInput.LastString(ref r)
                    : JsonValues.Preview(ref r, TextPreview.ArgumentChars);
                return true;
            }

            return false;
        });

    /// <summary><c>info</c> is null after a failed or aborted stream: then nothing is read.</summary>
    private void ReadTokenInfo(ref Utf8JsonReader reader, CodexLine line) =>
        JsonObjects.ForEach(ref reader, (Parser: this, Line: line), static (ref Utf8JsonReader r, (CodexLineParser Parser, CodexLine Line) s) =>
        {
            if (r.ValueTextEquals("total_token_usage"u8))
            {
                r.Read();
                s.Line.HasTokenInfo |= r.TokenType == JsonTokenType.StartObject;
                s.Line.TotalUsage = s.Parser.ReadUsage(ref r);
                return true;
            }

            if (r.ValueTextEquals("last_token_usage"u8))
            {
                r.Read();
                s.Line.LastUsage = s.Parser.ReadUsage(ref r);
                return true;
            }

            if (r.ValueTextEquals("model_context_window"u8))
            {
                r.Read();
                s.Parser._infoContextWindow = JsonValues.OptionalInt64(ref r);
                return true;
            }

            return false;
        });

    private CodexUsage ReadUsage(ref Utf8JsonReader reader)
    {
        long[] usage = _usage;
        Array.Clear(usage);
        JsonObjects.ForEach(ref reader, usage, static (ref Utf8JsonReader r, long[] u) =>
            JsonObjects.Int64(ref r, "input_tokens"u8, ref u[0])
            || JsonObjects.Int64(ref r, "cached_input_tokens"u8, ref u[1])
            || JsonObjects.Int64(ref r, "cache_write_input_tokens"u8, ref u[2])
            || JsonObjects.Int64(ref r, "output_tokens"u8, ref u[3])
            || JsonObjects.Int64(ref r, "reasoning_output_tokens"u8, ref u[4]));
        return new CodexUsage(usage[0], usage[1], usage[2], usage[3], usage[4]);
    }
}
