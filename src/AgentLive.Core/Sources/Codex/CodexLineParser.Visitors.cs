using System.Runtime.CompilerServices;
using System.Text.Json;
using AgentLive.Parsing;

namespace AgentLive.Sources.Codex;

/// <summary>The property visitors of <see cref="CodexLineParser"/>: one per object of a line that it reads.</summary>
internal sealed partial class CodexLineParser
{
    /// <summary>
    /// The fields of the envelope (<paramref name="topLevel"/>) or of its payload; done once the line is known to be
    /// developer context or a world-state snapshot.
    /// </summary>
    private readonly struct FieldsVisitor(CodexLineParser parser, CodexLine line, bool topLevel) : IStoppingPropertyVisitor
    {
        public bool Done => parser._stoppedEarly;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader)
        {
            CodexField field = CodexFields.Identify(ref reader);
            if (field == CodexField.Other)
            {
                if (topLevel)
                {
                    line.Unknowns.AddUnlessKnown(UnknownShapeKind.Field, CodexShapes.TopLevelFields, default, ref reader);
                }
                else
                {
                    line.Unknowns.AddUnlessKnown(UnknownShapeKind.Field, CodexShapes.PayloadFields, "payload."u8, ref reader);
                }

                return false;
            }

            reader.Read();
            Utf8StringCache cache = parser._cache;
            switch (field)
            {
                case CodexField.Type when topLevel:
                    parser._topType = JsonValues.Interned(ref reader, cache);
                    break;
                case CodexField.Type:
                    parser._payloadTypeName = JsonValues.Interned(ref reader, cache);
                    break;
                case CodexField.Payload when topLevel && reader.TokenType == JsonTokenType.StartObject:
                    parser._hasPayload = true;
                    if (parser.IsWorldStateEnvelope(line))
                    {
                        // A snapshot of the environment (a twentieth of a rollout's bytes) tells nothing of the
                        // agent's work: once the envelope has given the time and order, it is left untokenised.
                        parser._stoppedEarly = true;
                        line.ReadPartially = true;
                        return true;
                    }

                    parser.ReadFields(ref reader, line, topLevel: false);
                    break;
                case CodexField.Timestamp when topLevel:
                    line.Timestamp = JsonValues.Timestamp(ref reader);
                    break;
                case CodexField.Ordinal when topLevel:
                    line.Ordinal = JsonValues.OptionalInt64(ref reader);
                    break;
                case CodexField.RecordType when topLevel:
                    parser._hasRecordType = true;
                    break;
                case CodexField.Id:
                    parser._id.Capture(ref reader);
                    break;
                case CodexField.Cwd:
                    line.Cwd = JsonValues.Interned(ref reader, cache);
                    break;
                case CodexField.Git:
                    line.GitBranch = parser.ReadGitBranch(ref reader);
                    break;
                case CodexField.Source:
                    parser.ReadSpawnParent(ref reader);
                    break;
                case CodexField.ThreadSource:
                    parser._subAgentSource |= reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("subagent"u8);
                    JsonValues.Skip(ref reader);
                    break;
                case CodexField.ThreadTokenUsage:
                    line.HasThreadUsage |= reader.TokenType == JsonTokenType.StartObject;
                    line.ThreadUsage = ReadUsage(ref reader);
                    break;
                case CodexField.LastAgentMessage:
                    parser._lastAgentMessage.Capture(ref reader);
                    break;
                case CodexField.Namespace:
                    line.Namespace = JsonValues.Interned(ref reader, cache);
                    break;
                case CodexField.ForkedFromId:
                    parser._forkedFrom = JsonValues.Interned(ref reader, cache);
                    break;
                case CodexField.CliVersion:
                    line.ClientVersion = JsonValues.Interned(ref reader, cache);
                    break;
                case CodexField.HistoryStartOrdinal:
                    line.HistoryStartOrdinal = JsonValues.OptionalInt64(ref reader);
                    break;
                case CodexField.Model:
                    line.Model = JsonValues.Interned(ref reader, cache);
                    break;
                case CodexField.ApprovalPolicy:
                    line.ApprovalPolicy = reader.TokenType == JsonTokenType.String ? JsonValues.Interned(ref reader, cache) : parser.ReadObjectKind(ref reader);
                    break;
                case CodexField.Role:
                    line.Role = JsonValues.Interned(ref reader, cache);
                    if (!topLevel && parser.IsDeveloperContext(line))
                    {
                        // Developer instructions and tool schemas are 58% of a rollout's bytes and nothing of its
                        // state: once the envelope has given the time and order, the rest is left untokenised
                        // (and unvalidated).
                        parser._stoppedEarly = true;
                        line.ReadPartially = true;
                        return true;
                    }

                    break;
                case CodexField.Content:
                    ReadFirstText(ref reader, ref parser._messageText);
                    break;
                case CodexField.CallId:
                    line.CallId = JsonValues.Interned(ref reader, cache);
                    break;
                case CodexField.Name:
                    line.Name = JsonValues.Interned(ref reader, cache);
                    break;
                case CodexField.Input:
                    parser._freeformInput = ReadToolInput(ref reader, freeform: true);
                    break;
                case CodexField.Arguments:
                    parser._jsonArguments = ReadToolInput(ref reader, freeform: false);
                    break;
                case CodexField.Error:
                    ReadError(ref reader, line);
                    break;
                case CodexField.Reason:
                    line.Reason = JsonValues.Interned(ref reader, cache);
                    break;
                case CodexField.Item:
                    parser.ReadItem(ref reader, line);
                    break;
                case CodexField.Info:
                    parser.ReadTokenInfo(ref reader, line);
                    break;
                case CodexField.ModelContextWindow:
                    parser._payloadContextWindow = JsonValues.OptionalInt64(ref reader);
                    break;
                case CodexField.Message:
                    parser._eventMessage.Capture(ref reader);
                    JsonValues.Skip(ref reader);
                    break;
                case CodexField.Command:
                    parser._payloadCommand = reader.TokenType == JsonTokenType.StartArray
                        ? CodexToolInput.LastString(ref reader)
                        : JsonValues.Preview(ref reader, TextPreview.ArgumentChars);
                    break;
                default:
                    JsonValues.Skip(ref reader);
                    break;
            }

            return true;
        }
    }

    private struct GitVisitor(Utf8StringCache cache) : IPropertyVisitor
    {
        public string? Branch;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader) => JsonObjects.Interned(ref reader, "branch"u8, cache, ref Branch);
    }

    /// <summary>The first key of an object.</summary>
    private struct ObjectKindVisitor(Utf8StringCache cache) : IPropertyVisitor
    {
        public string? Kind;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader)
        {
            Kind ??= cache.Get(reader.ValueSpan);
            return false;
        }
    }

    /// <summary>The <c>text</c> string of a content block.</summary>
    private struct TextVisitor : IPropertyVisitor
    {
        public DeferredString Text;
        public bool Found;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader)
        {
            if (!reader.ValueTextEquals("text"u8))
            {
                return false;
            }

            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                Text.Capture(ref reader);
                Found = true;
            }
            else
            {
                JsonValues.Skip(ref reader);
            }

            return true;
        }
    }

    private readonly struct ErrorVisitor(CodexLine line) : IPropertyVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader) =>
            JsonObjects.Preview(ref reader, "message"u8, TextPreview.PromptChars, ref line.ErrorMessage);
    }

    private readonly struct ItemVisitor(CodexLineParser parser, CodexLine line) : IPropertyVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                JsonValues.Skip(ref reader);
                line.ItemType = reader.TokenType != JsonTokenType.String ? CodexItemType.Other
                    : reader.ValueTextEquals("UserMessage"u8) ? CodexItemType.UserMessage
                    : reader.ValueTextEquals("AgentMessage"u8) ? CodexItemType.AgentMessage
                    : reader.ValueTextEquals("CommandExecution"u8) ? CodexItemType.CommandExecution
                    : reader.ValueTextEquals("SubAgentActivity"u8) ? CodexItemType.SubAgentActivity
                    : reader.ValueTextEquals("CollabAgentToolCall"u8) ? CodexItemType.CollabAgentToolCall
                    : CodexItemType.Other;
                if (line.ItemType == CodexItemType.Other && reader.TokenType == JsonTokenType.String)
                {
                    line.Unknowns.AddUnlessKnown(UnknownShapeKind.Value, CodexShapes.ItemTypes, "item/"u8, ref reader);
                }

                return true;
            }

            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                parser._itemId.Capture(ref reader);
                return true;
            }

            Utf8StringCache cache = parser._cache;
            if (JsonObjects.Interned(ref reader, "kind"u8, cache, ref line.SubAgentEvent)
                || JsonObjects.Interned(ref reader, "agent_thread_id"u8, cache, ref line.AgentThreadId)
                || JsonObjects.Interned(ref reader, "agent_path"u8, cache, ref line.AgentPath))
            {
                return true;
            }

            if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                ReadFirstText(ref reader, ref parser._itemText);
                return true;
            }

            if (reader.ValueTextEquals("command"u8))
            {
                reader.Read();
                parser._itemCommand = reader.TokenType == JsonTokenType.StartArray
                    ? CodexToolInput.LastString(ref reader)
                    : JsonValues.Preview(ref reader, TextPreview.ArgumentChars);
                return true;
            }

            return false;
        }
    }

    /// <summary><c>info</c> is null after a failed or aborted stream: then nothing is read.</summary>
    private readonly struct TokenInfoVisitor(CodexLineParser parser, CodexLine line) : IPropertyVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader)
        {
            if (reader.ValueTextEquals("total_token_usage"u8))
            {
                reader.Read();
                line.HasTokenInfo |= reader.TokenType == JsonTokenType.StartObject;
                line.TotalUsage = ReadUsage(ref reader);
                return true;
            }

            if (reader.ValueTextEquals("last_token_usage"u8))
            {
                reader.Read();
                line.LastUsage = ReadUsage(ref reader);
                return true;
            }

            if (reader.ValueTextEquals("model_context_window"u8))
            {
                reader.Read();
                parser._infoContextWindow = JsonValues.OptionalInt64(ref reader);
                return true;
            }

            return false;
        }
    }

    private struct UsageVisitor : IPropertyVisitor
    {
        private long _input;
        private long _cachedInput;
        private long _cacheWriteInput;
        private long _output;
        private long _reasoningOutput;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader) =>
            JsonObjects.Int64(ref reader, "input_tokens"u8, ref _input)
            || JsonObjects.Int64(ref reader, "cached_input_tokens"u8, ref _cachedInput)
            || JsonObjects.Int64(ref reader, "cache_write_input_tokens"u8, ref _cacheWriteInput)
            || JsonObjects.Int64(ref reader, "output_tokens"u8, ref _output)
            || JsonObjects.Int64(ref reader, "reasoning_output_tokens"u8, ref _reasoningOutput);

        public readonly CodexUsage ToUsage() => new(_input, _cachedInput, _cacheWriteInput, _output, _reasoningOutput);
    }
}
