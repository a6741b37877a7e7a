using System.Text.Json;
using AgentLive.Sources.Codex;

namespace AgentLive.Tests.Sources.Codex;

/// <summary>The oracle: the facts of <see cref="CodexLineParser"/>, read through a <see cref="JsonDocument"/>.</summary>
public static class CodexReferenceParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 512 };

    internal static CodexLine? Parse(byte[] bytes)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(bytes, Options);
            return document.RootElement.ValueKind == JsonValueKind.Object ? Read(document.RootElement) : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private sealed class State
    {
        public string? TopType;
        public string? PayloadType;
        public bool HasPayload;
        public bool HasRecordType;
        public string? Id;
        public bool IdSet;
        public string? MessageText;
        public string? ItemText;
        public string? EventMessage;
        public string? SpawnParent;
        public bool SubAgentSource;
        public string? ItemId;
        public string? LastAgentMessage;
        public (string? Summary, bool Escalated)? Input;
        public string? PayloadCommand;
        public string? ItemCommand;
        public long? PayloadWindow;
        public long? InfoWindow;
        public (string? Summary, bool Escalated)? Arguments;
        public string? ForkedFrom;
    }

    private static CodexLine Read(JsonElement root)
    {
        var line = new CodexLine();
        line.Reset();
        var state = new State();
        Fields(root, line, state, topLevel: true);

        if (state.HasPayload)
        {
            line.Kind = state.TopType switch
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
            line.PayloadType = PayloadType(state.PayloadType);
        }
        else if (state.TopType is null && state.IdSet)
        {
            line.Kind = CodexLineKind.SessionMeta;
        }
        else if (state.TopType is null && state.HasRecordType)
        {
            line.Kind = CodexLineKind.Bookkeeping;
        }
        else if (PayloadType(state.TopType) is var bare and not CodexPayloadType.Other)
        {
            line.Kind = CodexLineKind.ResponseItem;
            line.PayloadType = bare;
        }

        line.Command = line.ItemType == CodexItemType.CommandExecution ? state.ItemCommand : state.PayloadCommand ?? state.ItemCommand;
        line.ModelContextWindow = state.InfoWindow ?? state.PayloadWindow;

        var tool = line.PayloadType == CodexPayloadType.CustomToolCall ? state.Input : state.Arguments ?? state.Input;
        if (tool is { } t)
        {
            (line.ToolSummary, line.Escalated) = (t.Summary, t.Escalated);
        }

        if (line.Kind == CodexLineKind.SessionMeta)
        {
            line.Id = state.IdSet ? state.Id : null;
            line.ParentThreadId = state.SpawnParent ?? state.ForkedFrom;
            line.IsSubAgent = state.SubAgentSource;
        }

        if (line.PayloadType == CodexPayloadType.Message && line.Role == "user" && state.MessageText is { } text)
        {
            line.UserText = ReferenceRules.ClassifyCodex(text);
            line.Text = line.UserText == CodexUserText.Prompt ? ReferenceRules.Preview(text, ReferenceRules.PromptChars) : null;
        }

        if (line.PayloadType == CodexPayloadType.TaskComplete && state.LastAgentMessage is { } answer)
        {
            line.Question = ReferenceRules.ClosingQuestion(answer, ReferenceRules.PromptChars);
        }

        if (line.ItemType == CodexItemType.SubAgentActivity)
        {
            line.ItemId = state.ItemId;
        }

        if (line.ItemType == CodexItemType.UserMessage)
        {
            line.ItemText = state.ItemText is null ? null : ReferenceRules.Preview(state.ItemText, ReferenceRules.PromptChars);
        }

        if (line.PayloadType is CodexPayloadType.UserMessage or CodexPayloadType.Error)
        {
            line.Text = state.EventMessage is null ? null : ReferenceRules.Preview(state.EventMessage, ReferenceRules.PromptChars);
            line.ErrorMessage = line.PayloadType == CodexPayloadType.Error ? line.Text : line.ErrorMessage;
            line.HasError |= line.PayloadType == CodexPayloadType.Error;
        }

        if (line.Kind is not (CodexLineKind.ResponseItem or CodexLineKind.EventMsg))
        {
            line.PayloadType = CodexPayloadType.Other;
        }

        switch (line.Kind)
        {
            case CodexLineKind.Unknown:
                line.Unknowns.OnlyLineType(state.TopType ?? "");
                break;
            case CodexLineKind.ResponseItem when state.HasPayload && state.PayloadType is { } item:
                line.Unknowns.AddUnlessKnown(UnknownShapeKind.Value, CodexShapes.ResponseItemTypes, "response_item/"u8, item);
                break;
            case CodexLineKind.EventMsg when state.PayloadType is { } message:
                line.Unknowns.AddUnlessKnown(UnknownShapeKind.Value, CodexShapes.EventTypes, "event_msg/"u8, message);
                break;
        }

        // Developer instructions and tool lists: their kind, type, role and envelope, nothing else; world-state
        // snapshots: their kind and envelope.
        if ((line.Kind == CodexLineKind.ResponseItem && line.Role == "developer" && state.PayloadType is "message" or "additional_tools")
            || (line.Kind == CodexLineKind.Bookkeeping && state.TopType == "world_state"))
        {
            var minimal = new CodexLine();
            minimal.Reset();
            (minimal.Kind, minimal.PayloadType, minimal.Role, minimal.Timestamp, minimal.Ordinal) =
                (line.Kind, line.PayloadType, line.Kind == CodexLineKind.ResponseItem ? "developer" : null, line.Timestamp, line.Ordinal);
            return minimal;
        }

        return line;
    }

    /// <summary>The fields the parser reads, at either level: any other is unknown unless <see cref="CodexShapes"/> lists it.</summary>
    private static readonly HashSet<string> ReadFields =
    [
        "id", "cwd", "git", "type", "role", "name", "item", "info", "model", "input", "error", "source", "reason", "payload",
        "ordinal", "content", "call_id", "message", "command", "timestamp", "arguments", "record_type", "cli_version",
        "forked_from_id", "approval_policy", "parent_thread_id", "model_context_window", "subagent_history_start_ordinal",
    ];

    private static void Fields(JsonElement obj, CodexLine line, State state, bool topLevel)
    {
        foreach (JsonProperty property in obj.EnumerateObject())
        {
            JsonElement value = property.Value;
            if (!ReadFields.Contains(property.Name))
            {
                line.Unknowns.AddUnlessKnown(
                    UnknownShapeKind.Field,
                    topLevel ? CodexShapes.TopLevelFields : CodexShapes.PayloadFields,
                    topLevel ? default : "payload."u8,
                    System.Text.Encoding.UTF8.GetBytes(property.Name));
            }

            switch (property.Name)
            {
                case "type" when topLevel:
                    state.TopType = Str(value);
                    break;
                case "type":
                    state.PayloadType = Str(value);
                    break;
                case "payload" when topLevel:
                    if (value.ValueKind == JsonValueKind.Object)
                    {
                        state.HasPayload = true;
                        Fields(value, line, state, topLevel: false);
                    }

                    break;
                case "timestamp" when topLevel:
                    line.Timestamp = Time(value);
                    break;
                case "ordinal" when topLevel:
                    line.Ordinal = Long(value);
                    break;
                case "record_type" when topLevel:
                    state.HasRecordType = true;
                    break;
                case "id":
                    state.IdSet = value.ValueKind == JsonValueKind.String;
                    state.Id = Str(value);
                    break;
                case "cwd":
                    line.Cwd = Str(value);
                    break;
                case "git":
                    line.GitBranch = value.ValueKind == JsonValueKind.Object ? Last(value, "branch") is { } b ? Str(b) : null : null;
                    break;
                case "source":
                    Source(value, state);
                    break;
                case "thread_source":
                    state.SubAgentSource |= Str(value) == "subagent";
                    break;
                case "thread_token_usage":
                    line.HasThreadUsage |= value.ValueKind == JsonValueKind.Object;
                    line.ThreadUsage = Usage(value);
                    break;
                case "last_agent_message":
                    state.LastAgentMessage = Str(value);
                    break;
                case "namespace":
                    line.Namespace = Str(value);
                    break;
                case "forked_from_id" or "parent_thread_id":
                    state.ForkedFrom = Str(value);
                    break;
                case "cli_version":
                    line.ClientVersion = Str(value);
                    break;
                case "subagent_history_start_ordinal":
                    line.HistoryStartOrdinal = Long(value);
                    break;
                case "model":
                    line.Model = Str(value);
                    break;
                case "approval_policy":
                    line.ApprovalPolicy = value.ValueKind switch
                    {
                        JsonValueKind.String => value.GetString(),
                        JsonValueKind.Object => value.EnumerateObject().Select(p => p.Name).FirstOrDefault(),
                        _ => null,
                    };
                    break;
                case "role":
                    line.Role = Str(value);
                    break;
                case "content":
                    FirstText(value, ref state.MessageText);
                    break;
                case "call_id":
                    line.CallId = Str(value);
                    break;
                case "name":
                    line.Name = Str(value);
                    break;
                case "input" when value.ValueKind == JsonValueKind.String:
                    state.Input = ReferenceRules.FreeformInput(value.GetString()!);
                    break;
                case "arguments" when value.ValueKind == JsonValueKind.String:
                    state.Arguments = ReferenceRules.JsonArguments(value.GetString()!);
                    break;
                case "error":
                    Error(value, line);
                    break;
                case "reason":
                    line.Reason = Str(value);
                    break;
                case "item" when value.ValueKind == JsonValueKind.Object:
                    Item(value, line, state);
                    break;
                case "info" when value.ValueKind == JsonValueKind.Object:
                    Info(value, line, state);
                    break;
                case "model_context_window":
                    state.PayloadWindow = Long(value);
                    break;
                case "message":
                    state.EventMessage = Str(value);
                    break;
                case "command":
                    state.PayloadCommand = Command(value);
                    break;
            }
        }
    }

    private static void Source(JsonElement value, State state)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        state.SubAgentSource |= value.EnumerateObject().Any(p => p.Name == "subagent");

        void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Walk(item);
                }

                return;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (JsonProperty property in element.EnumerateObject())
            {
                if (property.Name == "parent_thread_id")
                {
                    state.SpawnParent = Str(property.Value);
                    continue;
                }

                Walk(property.Value);
            }
        }

        Walk(value);
    }

    private static void FirstText(JsonElement value, ref string? text)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            text = value.GetString();
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (JsonElement item in value.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
        {
            string? found = null;
            foreach (JsonProperty property in item.EnumerateObject())
            {
                if (property.Name == "text" && property.Value.ValueKind == JsonValueKind.String)
                {
                    found = property.Value.GetString();
                }
            }

            if (found is not null)
            {
                text = found;
                return;
            }
        }
    }

    private static void Error(JsonElement value, CodexLine line)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                line.HasError = true;
                line.ErrorMessage = ReferenceRules.Preview(value.GetString()!, ReferenceRules.PromptChars);
                break;
            case JsonValueKind.Object:
                line.HasError = true;
                foreach (JsonProperty property in value.EnumerateObject().Where(p => p.Name == "message"))
                {
                    line.ErrorMessage = Str(property.Value) is { } message ? ReferenceRules.Preview(message, ReferenceRules.PromptChars) : null;
                }

                break;
        }
    }

    private static void Item(JsonElement item, CodexLine line, State state)
    {
        foreach (JsonProperty property in item.EnumerateObject())
        {
            switch (property.Name)
            {
                case "type":
                    line.ItemType = Str(property.Value) switch
                    {
                        "UserMessage" => CodexItemType.UserMessage,
                        "AgentMessage" => CodexItemType.AgentMessage,
                        "CommandExecution" => CodexItemType.CommandExecution,
                        "SubAgentActivity" => CodexItemType.SubAgentActivity,
                        "CollabAgentToolCall" => CodexItemType.CollabAgentToolCall,
                        _ => CodexItemType.Other,
                    };
                    if (line.ItemType == CodexItemType.Other && Str(property.Value) is { } other)
                    {
                        line.Unknowns.AddUnlessKnown(UnknownShapeKind.Value, CodexShapes.ItemTypes, "item/"u8, other);
                    }

                    break;
                case "id":
                    state.ItemId = Str(property.Value);
                    break;
                case "kind":
                    line.SubAgentEvent = Str(property.Value);
                    break;
                case "agent_thread_id":
                    line.AgentThreadId = Str(property.Value);
                    break;
                case "agent_path":
                    line.AgentPath = Str(property.Value);
                    break;
                case "content":
                    FirstText(property.Value, ref state.ItemText);
                    break;
                case "command":
                    state.ItemCommand = Command(property.Value);
                    break;
            }
        }
    }

    private static void Info(JsonElement info, CodexLine line, State state)
    {
        foreach (JsonProperty property in info.EnumerateObject())
        {
            switch (property.Name)
            {
                case "total_token_usage":
                    line.HasTokenInfo |= property.Value.ValueKind == JsonValueKind.Object;
                    line.TotalUsage = Usage(property.Value);
                    break;
                case "last_token_usage":
                    line.LastUsage = Usage(property.Value);
                    break;
                case "model_context_window":
                    state.InfoWindow = Long(property.Value);
                    break;
            }
        }
    }

    private static CodexUsage Usage(JsonElement usage)
    {
        if (usage.ValueKind != JsonValueKind.Object)
        {
            return default;
        }

        long Get(string name) => Last(usage, name) is { } v ? Long(v) ?? 0 : 0;
        return new CodexUsage(Get("input_tokens"), Get("cached_input_tokens"), Get("cache_write_input_tokens"), Get("output_tokens"), Get("reasoning_output_tokens"));
    }

    private static string? Command(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => ReferenceRules.Preview(value.GetString()!, ReferenceRules.ArgumentChars),
        JsonValueKind.Array => value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String)
            .Select(e => ReferenceRules.Preview(e.GetString()!, ReferenceRules.ArgumentChars)).LastOrDefault(),
        _ => null,
    };

    private static JsonElement? Last(JsonElement obj, string name) =>
        obj.EnumerateObject().Where(p => p.Name == name).Select(p => (JsonElement?)p.Value).LastOrDefault();

    private static string? Str(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Long(JsonElement value) => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n) ? n : null;

    private static DateTimeOffset? Time(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out DateTimeOffset time))
        {
            return time;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) ? ReferenceRules.Epoch(number) : null;
    }

    // The type words are a table, not JSON reading: the oracle shares it with the parser.
    private static CodexPayloadType PayloadType(string? type) => CodexLineParser.PayloadTypeOf(type);
}
