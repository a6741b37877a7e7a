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
internal sealed partial class CodexLineParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 512 };

    private readonly Utf8StringCache _cache = new();

    // The parse of a line once a range is left out of it: made once, not a delegate per line.
    private readonly LineParser<CodexLine> _parseObject;

    private DeferredString _id;
    private DeferredString _messageText;
    private DeferredString _itemText;
    private DeferredString _itemId;
    private DeferredString _lastAgentMessage;
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
    private bool _subAgentSource;

    public CodexLineParser() => _parseObject = TryParseObject;

    public bool TryParse(ReadOnlySpan<byte> line, CodexLine into)
    {
        into.Reset();
        if (!Utf8.IsValid(line))
        {
            return false;
        }

        return CodexInstructions.TryFind(line, out Range instructions) ? RawJson.ParseWithout(line, instructions, default, into, _parseObject) : TryParseObject(line, into);
    }

    private bool TryParseObject(ReadOnlySpan<byte> line, CodexLine into)
    {
        _id.Clear();
        _messageText.Clear();
        _itemText.Clear();
        _itemId.Clear();
        _lastAgentMessage.Clear();
        _eventMessage.Clear();
        _topType = _payloadTypeName = _spawnParent = _forkedFrom = null;
        _stoppedEarly = false;
        _freeformInput = _jsonArguments = null;
        _payloadCommand = _itemCommand = null;
        _payloadContextWindow = _infoContextWindow = null;
        _hasPayload = _hasRecordType = _subAgentSource = false;
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

    /// <summary>A world-state snapshot whose envelope time and ordinal are already read: its payload is not needed.</summary>
    private bool IsWorldStateEnvelope(CodexLine line) => _topType == "world_state" && line.Timestamp is not null && line.Ordinal is not null;

    /// <summary>
    /// Lines of which only the envelope counts: developer instructions and tool lists (their role too), and world-state
    /// snapshots of the environment, which say nothing of what the agent does.
    /// </summary>
    private bool IsEnvelopeOnly(CodexLine line) =>
        (line.Kind == CodexLineKind.ResponseItem && line.Role == "developer" && _payloadTypeName is "message" or "additional_tools")
        || (line.Kind == CodexLineKind.Bookkeeping && _topType == "world_state");

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
                "token_usage_record" => CodexLineKind.TokenUsageRecord,
                "world_state" or "inter_agent_communication" or "inter_agent_communication_metadata" => CodexLineKind.Bookkeeping,
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
            line.IsSubAgent = _subAgentSource;
        }

        if (line.PayloadType == CodexPayloadType.Message && line.Role == "user" && _messageText.IsSet)
        {
            line.UserText = _messageText.Classify(bytes, static (text, _) => CodexUserTextRules.Prefixes.Classify(text.Span));
            line.Text = line.UserText == CodexUserText.Prompt ? _messageText.Preview(bytes, TextPreview.PromptChars) : null;
        }

        if (line.PayloadType == CodexPayloadType.TaskComplete && _lastAgentMessage.IsSet)
        {
            line.Question = _lastAgentMessage.Classify(bytes, static (text, _) => ClosingQuestion.Of(text.Span, TextPreview.PromptChars));
        }

        if (line.ItemType == CodexItemType.SubAgentActivity)
        {
            line.ItemId = _itemId.Interned(bytes, _cache);
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

        if (IsEnvelopeOnly(line))
        {
            // The same facts however much of the line was read: its kind, type, role (a developer's) and envelope.
            (CodexLineKind kind, CodexPayloadType type, string? role, DateTimeOffset? time, long? ordinal, bool partially) =
                (line.Kind, line.PayloadType, line.Kind == CodexLineKind.ResponseItem ? line.Role : null, line.Timestamp, line.Ordinal, line.ReadPartially);
            line.Reset();
            (line.Kind, line.PayloadType, line.Role, line.Timestamp, line.Ordinal, line.ReadPartially) = (kind, type, role, time, ordinal, partially);
        }

        NoteUnknownWords(line);
    }

    /// <summary>Notes a line of an unknown type, or a payload type the parser does not know.</summary>
    private void NoteUnknownWords(CodexLine line)
    {
        switch (line.Kind)
        {
            case CodexLineKind.Unknown:
                line.Unknowns.OnlyLineType(_topType ?? "");
                break;
            case CodexLineKind.ResponseItem when _hasPayload && _payloadTypeName is { } type:
                line.Unknowns.AddUnlessKnown(UnknownShapeKind.Value, CodexShapes.ResponseItemTypes, "response_item/"u8, type);
                break;
            case CodexLineKind.EventMsg when _payloadTypeName is { } type:
                line.Unknowns.AddUnlessKnown(UnknownShapeKind.Value, CodexShapes.EventTypes, "event_msg/"u8, type);
                break;
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
        var fields = new FieldsVisitor(this, line, topLevel);
        JsonObjects.ForEachUntilDone(ref reader, ref fields);
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
        var git = new GitVisitor(_cache);
        JsonObjects.ForEach(ref reader, ref git);
        return git.Branch;
    }

    /// <summary>
    /// The parent a spawned sub-agent names inside <c>source</c>: a string (<c>exec</c>, <c>cli</c>, <c>vscode</c>, …)
    /// or an object naming a sub-agent, <c>{"subagent": "review"}</c> or
    /// <c>{"subagent": {"thread_spawn": {"parent_thread_id": …}}}</c>, at whatever depth it sits.
    /// </summary>
    private void ReadSpawnParent(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            JsonValues.Skip(ref reader);
            return;
        }

        int depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            _subAgentSource |= reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1 && reader.ValueTextEquals("subagent"u8);
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("parent_thread_id"u8))
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

        var kind = new ObjectKindVisitor(_cache);
        JsonObjects.ForEach(ref reader, ref kind);
        return kind.Kind;
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

        var first = default(TextVisitor);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject || first.Found)
            {
                JsonValues.Skip(ref reader);
                continue;
            }

            JsonObjects.ForEach(ref reader, ref first);
        }

        if (first.Found)
        {
            text = first.Text;
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
                var error = new ErrorVisitor(line);
                JsonObjects.ForEach(ref reader, ref error);
                return;
            default:
                JsonValues.Skip(ref reader);
                return;
        }
    }

    private void ReadItem(ref Utf8JsonReader reader, CodexLine line)
    {
        var item = new ItemVisitor(this, line);
        JsonObjects.ForEach(ref reader, ref item);
    }

    /// <summary><c>info</c> is null after a failed or aborted stream: then nothing is read.</summary>
    private void ReadTokenInfo(ref Utf8JsonReader reader, CodexLine line)
    {
        var info = new TokenInfoVisitor(this, line);
        JsonObjects.ForEach(ref reader, ref info);
    }

    private static CodexUsage ReadUsage(ref Utf8JsonReader reader)
    {
        var usage = default(UsageVisitor);
        JsonObjects.ForEach(ref reader, ref usage);
        return usage.ToUsage();
    }
}
