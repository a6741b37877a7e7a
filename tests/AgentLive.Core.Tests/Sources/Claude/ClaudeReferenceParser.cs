using System.Text.Json;
using System.Text.RegularExpressions;
using AgentLive.Sources.Claude;

namespace AgentLive.Tests.Sources.Claude;

/// <summary>
/// The oracle: the same facts as <see cref="ClaudeLineParser"/>, read the slow and obvious way through a
/// <see cref="JsonDocument"/>. Properties check that the two agree on generated and real lines.
/// </summary>
public static partial class ClaudeReferenceParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 512 };

    internal static ClaudeLine? Parse(byte[] bytes)
    {
        // Recognised by their leading type and not read further (see ClaudeLineParser).
        if (LeadingBookkeepingType().IsMatch(System.Text.Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 64))))
        {
            return Bookkeeping();
        }

        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null;
        }

        try
        {
            return ParseDocument(bytes);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static ClaudeLine? ParseDocument(byte[] bytes)
    {
        using (JsonDocument document = JsonDocument.Parse(bytes, Options))
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var line = new ClaudeLine();
            line.Reset();
            string? type = Str(root, "type");
            line.Kind = type switch
            {
                "user" => ClaudeLineKind.User,
                "assistant" => ClaudeLineKind.Assistant,
                "system" => ClaudeLineKind.System,
                "progress" => ClaudeLineKind.Progress,
                "attachment" => ClaudeLineKind.Attachment,
                "queue-operation" => ClaudeLineKind.QueueOperation,
                "custom-title" => ClaudeLineKind.CustomTitle,
                "ai-title" => ClaudeLineKind.AiTitle,
                "summary" => ClaudeLineKind.Summary,
                "last-prompt" => ClaudeLineKind.LastPrompt,
                "api-request" => ClaudeLineKind.ApiRequest,
                "cost-state" => ClaudeLineKind.CostState,
                "mode" or "permission-mode" or "atis-latch" or "file-history-snapshot" or "file-history-delta" or "tools-used" or "api-request-shape"
                    or "api-request-blob" or "agent-name" or "worktree-state" or "pr-link" or "bridge-session" or "started" or "result"
                    => ClaudeLineKind.Bookkeeping,
                _ => ClaudeLineKind.Unknown,
            };
            line.Subtype = Str(root, "subtype");
            line.Timestamp = root.TryGetProperty("timestamp", out JsonElement ts) ? Time(ts) : null;
            line.IsSidechain = True(root, "isSidechain");
            line.IsMeta = True(root, "isMeta");
            line.IsCompactSummary = True(root, "isCompactSummary");
            line.IsApiErrorMessage = True(root, "isApiErrorMessage");
            line.IsAbortedMidStream = True(root, "isAbortedMidStream");
            line.SessionId = Str(root, "sessionId");
            line.Cwd = Str(root, "cwd");
            line.GitBranch = Str(root, "gitBranch");
            line.PermissionMode = Str(root, "permissionMode");
            line.ClientVersion = Str(root, "version");
            line.RetryAttempt = Int(root, "retryAttempt");
            line.MaxRetries = Int(root, "maxRetries");
            line.ApiErrorStatus = Int(root, "apiErrorStatus");
            line.ParentToolUseId = Str(root, "parentToolUseID");
            line.CustomTitle = Preview(root, "customTitle", ReferenceRules.PromptChars);
            line.AiTitle = Preview(root, "aiTitle", ReferenceRules.PromptChars);
            line.SummaryTitle = Preview(root, "summary", ReferenceRules.PromptChars);
            line.LastPrompt = Preview(root, "lastPrompt", ReferenceRules.PromptChars);
            line.QuerySource = Str(root, "querySource");
            line.TotalCostUsd = root.TryGetProperty("totalCostUSD", out JsonElement cost) && cost.ValueKind == JsonValueKind.Number && cost.TryGetDecimal(out decimal c) ? c : null;
            if (Obj(root, "error") is { } error)
            {
                line.ErrorStatus = Int(error, "status");
            }

            if (Obj(root, "params") is { } parameters)
            {
                line.RequestModel = Str(parameters, "model");
            }

            if (Obj(root, "attachment") is { } attachment)
            {
                line.AttachmentType = Str(attachment, "type");
                line.AttachmentPrompt = line.AttachmentType == "queued_command" ? Preview(attachment, "prompt", ReferenceRules.PromptChars) : null;
                line.AttachmentPlanFilePath = line.AttachmentType == "plan_mode" ? Preview(attachment, "planFilePath", ReferenceRules.ArgumentChars) : null;
            }

            if (Obj(root, "toolUseResult") is { } result)
            {
                line.ToolResultAgentId = Str(result, "agentId") ?? Str(result, "agent_id");
                line.ToolResultStatus = Str(result, "status");
                line.ToolResultBackgroundTaskId = Str(result, "backgroundTaskId");
            }

            if (Obj(root, "data") is { } data)
            {
                line.DataType = Str(data, "type");
                line.DataAgentId = Str(data, "agentId");
                if (Obj(data, "message") is { } envelope && Obj(envelope, "message") is { } inner
                    && inner.TryGetProperty("content", out JsonElement blocks) && blocks.ValueKind == JsonValueKind.Array)
                {
                    line.DataToolName = blocks.EnumerateArray()
                        .Where(b => b.ValueKind == JsonValueKind.Object && Str(b, "type") == "tool_use" && Str(b, "name") is not null)
                        .Select(b => Str(b, "name"))
                        .LastOrDefault();
                }
            }

            if (line.Kind == ClaudeLineKind.Bookkeeping)
            {
                return Bookkeeping();
            }

            if (Obj(root, "message") is { } message)
            {
                ReadMessage(message, line);
            }

            if (line.Kind != ClaudeLineKind.User)
            {
                line.UserContent = ClaudeUserContent.None;
                line.PromptText = null;
            }
            else if (line.UserContent == ClaudeUserContent.Prompt && (line.IsMeta || line.IsCompactSummary))
            {
                line.UserContent = ClaudeUserContent.Injected;
                line.PromptText = null;
            }

            if (line.UserContent != ClaudeUserContent.TaskNotification)
            {
                line.NotificationTaskId = line.NotificationToolUseId = line.NotificationStatus = null;
            }

            NoteUnknownNames(root, line, type);
            return line;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("""^\{"type":"(mode|permission-mode|atis-latch|file-history-snapshot|file-history-delta|tools-used|api-request-shape|api-request-blob|agent-name|worktree-state|pr-link|bridge-session|started|result)"[,}]""")]
    private static partial System.Text.RegularExpressions.Regex LeadingBookkeepingType();

    /// <summary>The top-level fields the parser reads: any other is unknown unless <see cref="ClaudeShapes"/> lists it.</summary>
    private static readonly HashSet<string> ReadFields =
    [
        "type", "subtype", "timestamp", "isSidechain", "isMeta", "isCompactSummary", "isApiErrorMessage", "isAbortedMidStream",
        "sessionId", "cwd", "gitBranch", "message", "toolUseResult", "retryAttempt", "maxRetries", "error", "data",
        "parentToolUseID", "attachment", "customTitle", "aiTitle", "summary", "lastPrompt", "params", "totalCostUSD",
        "apiErrorStatus", "querySource", "version",
    ];

    /// <summary>Fields in the line's order, then the subtype a known type switches on; a line of an unknown type: its type alone.</summary>
    private static void NoteUnknownNames(JsonElement root, ClaudeLine line, string? type)
    {
        foreach (JsonProperty property in root.EnumerateObject().Where(p => !ReadFields.Contains(p.Name)))
        {
            line.Unknowns.AddUnlessKnown(UnknownShapeKind.Field, ClaudeShapes.TopLevelFields, default, System.Text.Encoding.UTF8.GetBytes(property.Name));
        }

        switch (line.Kind)
        {
            case ClaudeLineKind.Unknown:
                line.Unknowns.OnlyLineType(type ?? "");
                break;
            case ClaudeLineKind.System when line.Subtype is { } subtype:
                line.Unknowns.AddUnlessKnown(UnknownShapeKind.Value, ClaudeShapes.SystemSubtypes, "system/"u8, subtype);
                break;
            case ClaudeLineKind.Attachment when line.AttachmentType is { } attachment:
                line.Unknowns.AddUnlessKnown(UnknownShapeKind.Value, ClaudeShapes.AttachmentTypes, "attachment/"u8, attachment);
                break;
            case ClaudeLineKind.Progress when line.DataType is { } data:
                line.Unknowns.AddUnlessKnown(UnknownShapeKind.Value, ClaudeShapes.ProgressTypes, "progress/"u8, data);
                break;
        }
    }

    private static ClaudeLine Bookkeeping()
    {
        var line = new ClaudeLine();
        line.Reset();
        line.Kind = ClaudeLineKind.Bookkeeping;
        return line;
    }

    private static void ReadMessage(JsonElement message, ClaudeLine line)
    {
        line.MessageId = Str(message, "id");
        line.Model = Str(message, "model");
        line.StopReason = Str(message, "stop_reason") switch
        {
            null => ClaudeStopReason.None,
            "end_turn" => ClaudeStopReason.EndTurn,
            "tool_use" => ClaudeStopReason.ToolUse,
            "stop_sequence" => ClaudeStopReason.StopSequence,
            "max_tokens" => ClaudeStopReason.MaxTokens,
            _ => ClaudeStopReason.Other,
        };
        if (Obj(message, "usage") is { } usage)
        {
            line.HasUsage = true;
            line.InputTokens = Long(usage, "input_tokens");
            line.OutputTokens = Long(usage, "output_tokens");
            line.CacheCreationTokens = Long(usage, "cache_creation_input_tokens");
            line.CacheReadTokens = Long(usage, "cache_read_input_tokens");
        }

        if (!message.TryGetProperty("content", out JsonElement content))
        {
            return;
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            Text(content.GetString()!, line);
            return;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (JsonElement block in content.EnumerateArray().Where(b => b.ValueKind == JsonValueKind.Object))
        {
            if (block.TryGetProperty("text", out JsonElement text) && text.ValueKind == JsonValueKind.String)
            {
                Text(text.GetString()!, line);
            }

            switch (Str(block, "type"))
            {
                case "tool_use" when Str(block, "id") is { } id:
                    string name = Str(block, "name") ?? "tool";
                    (string? target, string? description, string? agentType) = Describe(name, Obj(block, "input"));
                    line.ToolUses.Add(new ClaudeToolUse(id, name, target, description, agentType, Title(Obj(block, "input"))));
                    break;
                case "tool_result" when Str(block, "tool_use_id") is { } answered:
                    line.ToolResults.Add(new ClaudeToolResult(answered, True(block, "is_error")));
                    break;
            }
        }

        if (line.ToolResults.Count > 0)
        {
            line.UserContent = ClaudeUserContent.ToolResults;
            line.PromptText = null;
        }
    }

    private static void Text(string text, ClaudeLine line)
    {
        ClaudeUserContent kind = ReferenceRules.ClassifyClaude(text);
        line.TextQuestion = ReferenceRules.ClosingQuestion(text, ReferenceRules.ArgumentChars);
        if (kind == ClaudeUserContent.InterruptMarker || line.UserContent == ClaudeUserContent.None
            || (kind == ClaudeUserContent.Prompt && line.UserContent is ClaudeUserContent.Injected or ClaudeUserContent.TaskNotification))
        {
            line.UserContent = kind;
            line.PromptText = kind == ClaudeUserContent.Prompt ? ReferenceRules.Preview(text, ReferenceRules.PromptChars) : null;
            line.NotificationTaskId = NotificationTag(text, "task-id");
            line.NotificationToolUseId = NotificationTag(text, "tool-use-id");
            line.NotificationStatus = NotificationTag(text, "status");
        }
    }

    private static string? NotificationTag(string text, string tag)
    {
        Match match = Regex.Match(text, $"<{tag}>(.*?)</{tag}>", RegexOptions.Singleline);
        string? value = match.Success ? match.Groups[1].Value.Trim(' ', '\t', '\r', '\n') : null;
        return value is { Length: > 0 } ? value : null;
    }

    /// <summary>A plan's title: the first Markdown heading of <c>plan</c>, else of <c>content</c>.</summary>
    private static string? Title(JsonElement? input) =>
        input is { } args ? Heading(Str(args, "plan")) ?? Heading(Str(args, "content")) : null;

    private static string? Heading(string? markdown) =>
        markdown?.Split('\n')
            .Select(l => Regex.Match(l.TrimEnd('\r'), @"^ {0,3}#{1,6}[ \t]+(.*)$"))
            .Where(m => m.Success && m.Groups[1].Value.Trim(' ', '\t', '\r').Length > 0)
            .Select(m => ReferenceRules.Preview(m.Groups[1].Value, ReferenceRules.ArgumentChars))
            .FirstOrDefault();

    private static (string? Target, string? Description, string? AgentType) Describe(string tool, JsonElement? input)
    {
        if (input is not { } args)
        {
            return (null, null, null);
        }

        string? Arg(string name) => Preview(args, name, ReferenceRules.ArgumentChars);
        string? question = args.TryGetProperty("questions", out JsonElement questions) && questions.ValueKind == JsonValueKind.Array
            ? questions.EnumerateArray().Where(q => q.ValueKind == JsonValueKind.Object).Select(q => Preview(q, "question", ReferenceRules.ArgumentChars)).FirstOrDefault()
            : null;
        string? target = tool switch
        {
            "Bash" or "BashOutput" or "PowerShell" => Arg("command"),
            "AskUserQuestion" => question,
            "Task" or "Agent" => Arg("subagent_type"),
            _ => Arg("file_path") ?? Arg("notebook_path") ?? Arg("path") ?? Arg("pattern") ?? Arg("url") ?? Arg("query") ?? Arg("skill") ?? Arg("command"),
        };
        return (target, Arg("description"), Arg("subagent_type"));
    }

    private static JsonElement? Obj(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? Str(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Preview(JsonElement parent, string name, int max) =>
        Str(parent, name) is { } text ? ReferenceRules.Preview(text, max) : null;

    private static bool True(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.True;

    private static int Int(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n) ? n : 0;

    private static long Long(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n) ? n : 0;

    private static DateTimeOffset? Time(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out DateTimeOffset time))
        {
            return time;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) ? ReferenceRules.Epoch(number) : null;
    }
}
