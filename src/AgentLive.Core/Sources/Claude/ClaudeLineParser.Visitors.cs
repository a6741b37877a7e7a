using System.Runtime.CompilerServices;
using System.Text.Json;
using AgentLive.Parsing;

namespace AgentLive.Sources.Claude;

/// <summary>The property visitors of <see cref="ClaudeLineParser"/>: one per object of a line that it reads.</summary>
internal sealed partial class ClaudeLineParser
{
    private readonly struct TopLevelVisitor(ClaudeLineParser parser, ClaudeLine line) : IPropertyVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader)
        {
            TopField field = TopFields.Identify(ref reader);
            if (field == TopField.Other)
            {
                line.Unknowns.AddUnlessKnown(UnknownShapeKind.Field, ClaudeShapes.TopLevelFields, default, ref reader);
                return false;
            }

            reader.Read();
            Utf8StringCache cache = parser._cache;
            switch (field)
            {
                case TopField.Type:
                    line.Kind = KindOf(ref reader);
                    parser._type.Capture(ref reader);
                    break;
                case TopField.Subtype:
                    line.Subtype = JsonValues.Interned(ref reader, cache);
                    break;
                case TopField.Timestamp:
                    line.Timestamp = JsonValues.Timestamp(ref reader);
                    break;
                case TopField.IsSidechain:
                    line.IsSidechain = JsonValues.True(ref reader);
                    break;
                case TopField.IsMeta:
                    line.IsMeta = JsonValues.True(ref reader);
                    break;
                case TopField.IsCompactSummary:
                    line.IsCompactSummary = JsonValues.True(ref reader);
                    break;
                case TopField.IsApiErrorMessage:
                    line.IsApiErrorMessage = JsonValues.True(ref reader);
                    break;
                case TopField.IsAbortedMidStream:
                    line.IsAbortedMidStream = JsonValues.True(ref reader);
                    break;
                case TopField.SessionId:
                    line.SessionId = JsonValues.Interned(ref reader, cache);
                    break;
                case TopField.Cwd:
                    line.Cwd = JsonValues.Interned(ref reader, cache);
                    break;
                case TopField.GitBranch:
                    line.GitBranch = JsonValues.Interned(ref reader, cache);
                    break;
                case TopField.Message:
                    parser.ReadMessage(ref reader, line);
                    break;
                case TopField.ToolUseResult:
                    parser.ReadToolUseResult(ref reader, line);
                    break;
                case TopField.RetryAttempt:
                    line.RetryAttempt = JsonValues.Int32(ref reader);
                    break;
                case TopField.MaxRetries:
                    line.MaxRetries = JsonValues.Int32(ref reader);
                    break;
                case TopField.Error:
                    ReadError(ref reader, line);
                    break;
                case TopField.Data:
                    parser.ReadProgressData(ref reader, line);
                    break;
                case TopField.ParentToolUseId:
                    line.ParentToolUseId = JsonValues.Interned(ref reader, cache);
                    break;
                case TopField.Attachment:
                    parser.ReadAttachment(ref reader, line);
                    break;
                case TopField.CustomTitle:
                    line.CustomTitle = JsonValues.Preview(ref reader, TextPreview.PromptChars);
                    break;
                case TopField.AiTitle:
                    line.AiTitle = JsonValues.Preview(ref reader, TextPreview.PromptChars);
                    break;
                case TopField.Summary:
                    line.SummaryTitle = JsonValues.Preview(ref reader, TextPreview.PromptChars);
                    break;
                case TopField.LastPrompt:
                    line.LastPrompt = JsonValues.Preview(ref reader, TextPreview.PromptChars);
                    break;
                case TopField.Params:
                    parser.ReadRequestParams(ref reader, line);
                    break;
                case TopField.ApiErrorStatus:
                    line.ApiErrorStatus = JsonValues.Int32(ref reader);
                    break;
                case TopField.QuerySource:
                    line.QuerySource = JsonValues.Interned(ref reader, cache);
                    break;
                case TopField.PermissionMode:
                    line.PermissionMode = JsonValues.Interned(ref reader, cache);
                    break;
                case TopField.Version:
                    line.ClientVersion = JsonValues.Interned(ref reader, cache);
                    break;
                case TopField.TotalCostUsd:
                    line.TotalCostUsd = JsonValues.Decimal(ref reader);
                    break;
                default:
                    JsonValues.Skip(ref reader);
                    break;
            }

            return true;
        }
    }

    private readonly struct MessageVisitor(ClaudeLineParser parser, ClaudeLine line) : IPropertyVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader)
        {
            if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                parser.ReadContent(ref reader, line);
                return true;
            }

            if (reader.ValueTextEquals("stop_reason"u8))
            {
                reader.Read();
                line.StopReason = StopReasonOf(ref reader);
                return true;
            }

            if (reader.ValueTextEquals("usage"u8))
            {
                reader.Read();
                ReadUsage(ref reader, line);
                return true;
            }

            return JsonObjects.Interned(ref reader, "id"u8, parser._cache, ref line.MessageId)
                || JsonObjects.Interned(ref reader, "model"u8, parser._cache, ref line.Model);
        }
    }

    private readonly struct UsageVisitor(ClaudeLine line) : IPropertyVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader) =>
            JsonObjects.Int64(ref reader, "input_tokens"u8, ref line.InputTokens)
            || JsonObjects.Int64(ref reader, "output_tokens"u8, ref line.OutputTokens)
            || JsonObjects.Int64(ref reader, "cache_creation_input_tokens"u8, ref line.CacheCreationTokens)
            || JsonObjects.Int64(ref reader, "cache_read_input_tokens"u8, ref line.CacheReadTokens);
    }

    /// <summary>One block of a message's content; its text goes straight to the line, the rest waits for its type.</summary>
    private struct BlockVisitor(ClaudeLineParser parser, ClaudeLine line) : IPropertyVisitor
    {
        public BlockType Type;
        public string? Id;
        public string? Name;
        public string? ToolUseId;
        public bool IsError;
        public ToolInput Input;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                JsonValues.Skip(ref reader);
                Type = reader.TokenType != JsonTokenType.String ? BlockType.Other
                    : reader.ValueTextEquals("text"u8) ? BlockType.Text
                    : reader.ValueTextEquals("tool_use"u8) ? BlockType.ToolUse
                    : reader.ValueTextEquals("tool_result"u8) ? BlockType.ToolResult
                    : BlockType.Other;
                return true;
            }

            if (reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                parser.ReadText(ref reader, line);
                return true;
            }

            if (reader.ValueTextEquals("input"u8))
            {
                reader.Read();
                Input = default;
                JsonObjects.ForEach(ref reader, ref Input);
                return true;
            }

            if (reader.ValueTextEquals("is_error"u8))
            {
                reader.Read();
                IsError = JsonValues.True(ref reader);
                return true;
            }

            return JsonObjects.Interned(ref reader, "id"u8, parser._cache, ref Id)
                || JsonObjects.Interned(ref reader, "name"u8, parser._cache, ref Name)
                || JsonObjects.Interned(ref reader, "tool_use_id"u8, parser._cache, ref ToolUseId);
        }
    }

    private struct QuestionVisitor : IPropertyVisitor
    {
        public string? Question;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader) =>
            JsonObjects.Preview(ref reader, "question"u8, TextPreview.ArgumentChars, ref Question);
    }

    private readonly struct ToolUseResultVisitor(Utf8StringCache cache, ClaudeLine line) : IPropertyVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader) =>
            JsonObjects.Interned(ref reader, "agentId"u8, cache, ref line.ToolResultAgentId)
            || JsonObjects.Interned(ref reader, "agent_id"u8, cache, ref line.ToolResultAgentId)
            || JsonObjects.Interned(ref reader, "status"u8, cache, ref line.ToolResultStatus)
            || JsonObjects.Interned(ref reader, "backgroundTaskId"u8, cache, ref line.ToolResultBackgroundTaskId);
    }

    private readonly struct ErrorVisitor(ClaudeLine line) : IPropertyVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader) => JsonObjects.Int32(ref reader, "status"u8, ref line.ErrorStatus);
    }

    private readonly struct ProgressDataVisitor(ClaudeLineParser parser, ClaudeLine line) : IPropertyVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader)
        {
            if (reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                line.DataToolName = parser.ReadLastToolName(ref reader, depth: 0) ?? line.DataToolName;
                return true;
            }

            return JsonObjects.Interned(ref reader, "type"u8, parser._cache, ref line.DataType)
                || JsonObjects.Interned(ref reader, "agentId"u8, parser._cache, ref line.DataAgentId);
        }
    }

    /// <summary><c>data.message</c> (depth 0) and <c>data.message.message</c> (depth 1) of an <c>agent_progress</c> line.</summary>
    private struct ProgressMessageVisitor(ClaudeLineParser parser, int depth) : IPropertyVisitor
    {
        public string? ToolName;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader)
        {
            if (depth == 0 && reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                ToolName = parser.ReadLastToolName(ref reader, depth + 1) ?? ToolName;
                return true;
            }

            if (depth == 1 && reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                ToolName = parser.ReadToolNames(ref reader) ?? ToolName;
                return true;
            }

            return false;
        }
    }

    /// <summary>One content block of a sub-agent's message: a tool call's name.</summary>
    private struct ToolNameVisitor(Utf8StringCache cache) : IPropertyVisitor
    {
        public bool IsToolUse;
        public string? Name;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                IsToolUse = JsonValues.StringEquals(ref reader, "tool_use"u8);
                return true;
            }

            return JsonObjects.Interned(ref reader, "name"u8, cache, ref Name);
        }
    }

    private readonly struct AttachmentVisitor(Utf8StringCache cache, ClaudeLine line) : IPropertyVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader) =>
            JsonObjects.Interned(ref reader, "type"u8, cache, ref line.AttachmentType)
            || JsonObjects.Preview(ref reader, "prompt"u8, TextPreview.PromptChars, ref line.AttachmentPrompt)
            || JsonObjects.Preview(ref reader, "planFilePath"u8, TextPreview.ArgumentChars, ref line.AttachmentPlanFilePath);
    }

    private readonly struct RequestParamsVisitor(Utf8StringCache cache, ClaudeLine line) : IPropertyVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader) => JsonObjects.Interned(ref reader, "model"u8, cache, ref line.RequestModel);
    }
}
