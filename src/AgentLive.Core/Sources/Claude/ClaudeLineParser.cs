using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Unicode;
using AgentLive.Parsing;

namespace AgentLive.Sources.Claude;

/// <summary>
/// Reads the facts of one Claude Code transcript line in a single <see cref="Utf8JsonReader"/> pass: no document, no
/// string for the whole line, strings only for values a tracker keeps (through a cache for the repeated ones).
/// </summary>
/// <remarks>
/// Fields are read whatever their order (an assistant line's <c>type</c> comes after its <c>message</c>), and a field
/// of an unexpected JSON type is ignored rather than failing the line, so newer client versions that change a shape
/// degrade to missing facts, not to errors.
/// </remarks>
internal sealed partial class ClaudeLineParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 512 };

    private readonly Utf8StringCache _cache = new();

    // The parse of a line once a range is left out of it: made once, not a delegate per line.
    private readonly LineParser<ClaudeLine> _parseObject;

    // Where the text that made a line a prompt (or a task notification) starts and how long its token is: the preview
    // is only materialised once the line is known to be a user line (an assistant line states its type after its content).
    private int _promptStart;
    private int _promptLength;

    // The line's type as written: the one name to report when it is a type the parser does not know.
    private DeferredString _type;

    public ClaudeLineParser() => _parseObject = TryParseObject;

    /// <summary>Parses <paramref name="line"/> into <paramref name="into"/>.</summary>
    /// <returns><see langword="false"/> when the line is not a well-formed JSON object in valid UTF-8.</returns>
    public bool TryParse(ReadOnlySpan<byte> line, ClaudeLine into)
    {
        into.Reset();

        // Bookkeeping lines carry nothing for state, and Claude Code writes their type first: recognising them by
        // their first bytes skips the api-request-shape/-blob lines, a third of a transcript's bytes.
        if (IsBookkeepingByPrefix(line))
        {
            into.Kind = ClaudeLineKind.Bookkeeping;
            return true;
        }

        // Utf8JsonReader does not validate UTF-8 inside strings it only skips: check the whole line once (vectorised)
        // so a line is either read whole or counted as malformed, never half-decoded.
        if (!Utf8.IsValid(line))
        {
            return false;
        }

        return ClaudeAttachmentBody.TryFind(line, out Range body, out Range rendered) ? RawJson.ParseWithout(line, body, rendered, into, _parseObject) : TryParseObject(line, into);
    }

    private bool TryParseObject(ReadOnlySpan<byte> line, ClaudeLine into)
    {
        try
        {
            var reader = new Utf8JsonReader(line, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            _promptStart = -1;
            _type.Clear();
            ReadTopLevel(ref reader, into);

            // Anything after the object (a second value, garbage) makes the line malformed.
            if (reader.Read())
            {
                into.Reset();
                return false;
            }

            if (into.Kind == ClaudeLineKind.Bookkeeping)
            {
                // The same facts whichever way the line was recognised: its kind, nothing else.
                into.Reset();
                into.Kind = ClaudeLineKind.Bookkeeping;
                return true;
            }

            FinishUserContent(line, into);

            // Only a queued command's prompt and plan mode's plan file mean anything, and other attachments may have had
            // them cut unread.
            if (into.AttachmentType != "queued_command")
            {
                into.AttachmentPrompt = null;
            }

            if (into.AttachmentType != "plan_mode")
            {
                into.AttachmentPlanFilePath = null;
            }

            NoteUnknownWords(line, into);
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: an escaped lone surrogate ("\ud800") in a value that is unescaped.
            into.Reset();
            return false;
        }
    }

    private void ReadTopLevel(ref Utf8JsonReader reader, ClaudeLine line)
    {
        var fields = new TopLevelVisitor(this, line);
        JsonObjects.ForEach(ref reader, ref fields);
    }

    private void FinishUserContent(ReadOnlySpan<byte> bytes, ClaudeLine line)
    {
        if (line.Kind != ClaudeLineKind.User || (line.UserContent == ClaudeUserContent.Prompt && (line.IsMeta || line.IsCompactSummary)))
        {
            line.UserContent = line.Kind == ClaudeLineKind.User ? ClaudeUserContent.Injected : ClaudeUserContent.None;
            return;
        }

        if (line.UserContent is ClaudeUserContent.Prompt or ClaudeUserContent.TaskNotification && _promptStart >= 0)
        {
            var text = new Utf8JsonReader(bytes.Slice(_promptStart, _promptLength));
            text.Read();
            if (line.UserContent == ClaudeUserContent.Prompt)
            {
                line.PromptText = JsonValues.Preview(ref text, TextPreview.PromptChars);
            }
            else
            {
                JsonValues.Unescaped(ref text, line, static (notification, into) => ClaudeTaskNotification.Read(notification.Span, into));
            }
        }
    }

    /// <summary>Notes a line of an unknown type, or a word of a known one that the parser does not know.</summary>
    private void NoteUnknownWords(ReadOnlySpan<byte> bytes, ClaudeLine line)
    {
        switch (line.Kind)
        {
            case ClaudeLineKind.Unknown:
                // Decoded, as any JSON reader names it (Claude Code never escapes a type; a damaged line may).
                line.Unknowns.OnlyLineType(_type.Interned(bytes, _cache) ?? "");
                break;
            case ClaudeLineKind.System when line.Subtype is { } subtype:
                line.Unknowns.AddUnlessKnown(UnknownShapeKind.Value, ClaudeShapes.SystemSubtypes, "system/"u8, subtype);
                break;
            case ClaudeLineKind.Attachment when line.AttachmentType is { } type:
                line.Unknowns.AddUnlessKnown(UnknownShapeKind.Value, ClaudeShapes.AttachmentTypes, "attachment/"u8, type);
                break;
            case ClaudeLineKind.Progress when line.DataType is { } type:
                line.Unknowns.AddUnlessKnown(UnknownShapeKind.Value, ClaudeShapes.ProgressTypes, "progress/"u8, type);
                break;
        }
    }

    private static ClaudeLineKind KindOf(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            JsonValues.Skip(ref reader);
            return ClaudeLineKind.Unknown;
        }

        ReadOnlySpan<byte> type = reader.ValueSpan;
        return type switch
        {
            _ when type.SequenceEqual("user"u8) => ClaudeLineKind.User,
            _ when type.SequenceEqual("assistant"u8) => ClaudeLineKind.Assistant,
            _ when type.SequenceEqual("system"u8) => ClaudeLineKind.System,
            _ when type.SequenceEqual("progress"u8) => ClaudeLineKind.Progress,
            _ when type.SequenceEqual("attachment"u8) => ClaudeLineKind.Attachment,
            _ when type.SequenceEqual("queue-operation"u8) => ClaudeLineKind.QueueOperation,
            _ when type.SequenceEqual("custom-title"u8) => ClaudeLineKind.CustomTitle,
            _ when type.SequenceEqual("ai-title"u8) => ClaudeLineKind.AiTitle,
            _ when type.SequenceEqual("summary"u8) => ClaudeLineKind.Summary,
            _ when type.SequenceEqual("last-prompt"u8) => ClaudeLineKind.LastPrompt,
            _ when type.SequenceEqual("api-request"u8) => ClaudeLineKind.ApiRequest,
            _ when type.SequenceEqual("cost-state"u8) => ClaudeLineKind.CostState,
            _ when IsBookkeeping(type) => ClaudeLineKind.Bookkeeping,
            _ => ClaudeLineKind.Unknown,
        };
    }

    /// <summary>Whether the line starts <c>{"type":"&lt;bookkeeping type&gt;",</c> (or ends right after it).</summary>
    internal static bool IsBookkeepingByPrefix(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> prefix = "{\"type\":\""u8;
        if (!line.StartsWith(prefix))
        {
            return false;
        }

        ReadOnlySpan<byte> rest = line[prefix.Length..];
        int end = rest.IndexOf((byte)'"');
        return end > 0 && end + 1 < rest.Length && rest[end + 1] is (byte)',' or (byte)'}' && IsBookkeeping(rest[..end]);
    }

    private static bool IsBookkeeping(ReadOnlySpan<byte> type) =>
        type.SequenceEqual("mode"u8) || type.SequenceEqual("permission-mode"u8) || type.SequenceEqual("atis-latch"u8)
        || type.SequenceEqual("file-history-snapshot"u8) || type.SequenceEqual("file-history-delta"u8) || type.SequenceEqual("tools-used"u8)
        || type.SequenceEqual("api-request-shape"u8) || type.SequenceEqual("api-request-blob"u8)
        || type.SequenceEqual("agent-name"u8) || type.SequenceEqual("worktree-state"u8) || type.SequenceEqual("pr-link"u8)
        || type.SequenceEqual("bridge-session"u8) || type.SequenceEqual("started"u8) || type.SequenceEqual("result"u8);

    private void ReadMessage(ref Utf8JsonReader reader, ClaudeLine line)
    {
        var message = new MessageVisitor(this, line);
        JsonObjects.ForEach(ref reader, ref message);
    }

    private static ClaudeStopReason StopReasonOf(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            JsonValues.Skip(ref reader);
            return ClaudeStopReason.None;
        }

        return reader.ValueTextEquals("end_turn"u8) ? ClaudeStopReason.EndTurn
            : reader.ValueTextEquals("tool_use"u8) ? ClaudeStopReason.ToolUse
            : reader.ValueTextEquals("stop_sequence"u8) ? ClaudeStopReason.StopSequence
            : reader.ValueTextEquals("max_tokens"u8) ? ClaudeStopReason.MaxTokens
            : ClaudeStopReason.Other;
    }

    private static void ReadUsage(ref Utf8JsonReader reader, ClaudeLine line)
    {
        line.HasUsage |= reader.TokenType == JsonTokenType.StartObject;
        var usage = new UsageVisitor(line);
        JsonObjects.ForEach(ref reader, ref usage);
    }

    private void ReadContent(ref Utf8JsonReader reader, ClaudeLine line)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            ReadText(ref reader, line);
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            JsonValues.Skip(ref reader);
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                ReadBlock(ref reader, line);
            }
            else
            {
                JsonValues.Skip(ref reader);
            }
        }

        if (line.ToolResults.Count > 0)
        {
            line.UserContent = ClaudeUserContent.ToolResults;
            line.PromptText = null;
        }
    }

    private void ReadText(ref Utf8JsonReader reader, ClaudeLine line)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            JsonValues.Skip(ref reader);
            return;
        }

        // Classifying costs no allocation; only a prompt's preview does, and that waits for the line's type.
        ClaudeUserContent kind = ClaudeUserText.Prefixes.Classify(ref reader);
        line.TextQuestion = reader.ValueIsEscaped || reader.HasValueSequence
            ? JsonValues.Unescaped(ref reader, 0, static (text, _) => ClosingQuestion.Of(text.Span, TextPreview.ArgumentChars))
            : ClosingQuestion.Of(reader.ValueSpan, TextPreview.ArgumentChars);

        // Across several text blocks the strongest signal wins: an interrupt marker, then a prompt, then injected text
        // (a task notification among it).
        if (kind == ClaudeUserContent.InterruptMarker || line.UserContent == ClaudeUserContent.None
            || (kind == ClaudeUserContent.Prompt && line.UserContent is ClaudeUserContent.Injected or ClaudeUserContent.TaskNotification))
        {
            line.UserContent = kind;
            _promptStart = kind is ClaudeUserContent.Prompt or ClaudeUserContent.TaskNotification ? (int)reader.TokenStartIndex : -1;
            _promptLength = reader.ValueSpan.Length + 2;
        }
    }

    private void ReadBlock(ref Utf8JsonReader reader, ClaudeLine line)
    {
        var block = new BlockVisitor(this, line);
        JsonObjects.ForEach(ref reader, ref block);
        switch (block.Type)
        {
            case BlockType.ToolUse when block.Id is not null:
                string name = block.Name ?? "tool";
                line.ToolUses.Add(new ClaudeToolUse(
                    block.Id, name, block.Input.TargetOf(name), block.Input.Description, block.Input.SubagentType, block.Input.Title));
                break;
            case BlockType.ToolResult when block.ToolUseId is not null:
                line.ToolResults.Add(new ClaudeToolResult(block.ToolUseId, block.IsError));
                break;
        }
    }

    /// <summary>Reads the first Markdown heading of a string argument (a plan), without keeping the rest.</summary>
    private static string? ReadTitle(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            JsonValues.Skip(ref reader);
            return null;
        }

        return reader.ValueIsEscaped || reader.HasValueSequence
            ? JsonValues.Unescaped(ref reader, 0, static (text, _) => MarkdownTitle.Of(text.Span))
            : MarkdownTitle.Of(reader.ValueSpan);
    }

    /// <summary>Reads <c>questions[0].question</c> of an <c>AskUserQuestion</c> call.</summary>
    private static string? ReadFirstQuestion(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            JsonValues.Skip(ref reader);
            return null;
        }

        var first = default(QuestionVisitor);
        bool isFirst = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject || !isFirst)
            {
                JsonValues.Skip(ref reader);
                continue;
            }

            isFirst = false;
            JsonObjects.ForEach(ref reader, ref first);
        }

        return first.Question;
    }

    private void ReadToolUseResult(ref Utf8JsonReader reader, ClaudeLine line)
    {
        var result = new ToolUseResultVisitor(_cache, line);
        JsonObjects.ForEach(ref reader, ref result);
    }

    /// <summary><c>system/api_error</c> carries an object; an assistant error line carries a string such as <c>server_error</c>.</summary>
    private static void ReadError(ref Utf8JsonReader reader, ClaudeLine line)
    {
        var error = new ErrorVisitor(line);
        JsonObjects.ForEach(ref reader, ref error);
    }

    private void ReadProgressData(ref Utf8JsonReader reader, ClaudeLine line)
    {
        var data = new ProgressDataVisitor(this, line);
        JsonObjects.ForEach(ref reader, ref data);
    }

    /// <summary>
    /// The name of the last <c>tool_use</c> in an <c>agent_progress</c> envelope (<c>data.message.message.content</c>):
    /// the sub-agent's current tool.
    /// </summary>
    private string? ReadLastToolName(ref Utf8JsonReader reader, int depth)
    {
        var message = new ProgressMessageVisitor(this, depth);
        JsonObjects.ForEach(ref reader, ref message);
        return message.ToolName;
    }

    private string? ReadToolNames(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            JsonValues.Skip(ref reader);
            return null;
        }

        string? last = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                JsonValues.Skip(ref reader);
                continue;
            }

            var block = new ToolNameVisitor(_cache);
            JsonObjects.ForEach(ref reader, ref block);
            if (block.IsToolUse && block.Name is not null)
            {
                last = block.Name;
            }
        }

        return last;
    }

    private void ReadAttachment(ref Utf8JsonReader reader, ClaudeLine line)
    {
        var attachment = new AttachmentVisitor(_cache, line);
        JsonObjects.ForEach(ref reader, ref attachment);
    }

    private void ReadRequestParams(ref Utf8JsonReader reader, ClaudeLine line)
    {
        var parameters = new RequestParamsVisitor(_cache, line);
        JsonObjects.ForEach(ref reader, ref parameters);
    }

    private enum BlockType
    {
        Other,
        Text,
        ToolUse,
        ToolResult,
    }

    /// <summary>The arguments of a tool call that make a good one-line summary of it, read as the visitor of its <c>input</c>.</summary>
    private struct ToolInput : IPropertyVisitor
    {
        private string? _description;
        private string? _command;
        private string? _filePath;
        private string? _notebookPath;
        private string? _path;
        private string? _pattern;
        private string? _url;
        private string? _query;
        private string? _skill;
        private string? _contentTitle;
        private string? _planTitle;

        public string? SubagentType { get; private set; }

        public string? Question { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader)
        {
            ToolArgument argument = ToolArguments.Identify(ref reader);
            if (argument == ToolArgument.Other)
            {
                return false;
            }

            reader.Read();
            if (argument == ToolArgument.Questions)
            {
                Question = ReadFirstQuestion(ref reader);
            }
            else if (argument == ToolArgument.Content)
            {
                _contentTitle = ReadTitle(ref reader);
            }
            else if (argument == ToolArgument.Plan)
            {
                _planTitle = ReadTitle(ref reader);
            }
            else if (reader.TokenType == JsonTokenType.String)
            {
                Set(argument, JsonValues.Preview(ref reader, TextPreview.ArgumentChars));
            }
            else
            {
                JsonValues.Skip(ref reader);
            }

            return true;
        }

        private void Set(ToolArgument argument, string? value)
        {
            switch (argument)
            {
                case ToolArgument.Description: _description = value; break;
                case ToolArgument.Command: _command = value; break;
                case ToolArgument.FilePath: _filePath = value; break;
                case ToolArgument.NotebookPath: _notebookPath = value; break;
                case ToolArgument.Path: _path = value; break;
                case ToolArgument.Pattern: _pattern = value; break;
                case ToolArgument.Url: _url = value; break;
                case ToolArgument.Query: _query = value; break;
                case ToolArgument.Skill: _skill = value; break;
                case ToolArgument.SubagentType: SubagentType = value; break;
            }
        }

        public readonly string? Description => _description;

        /// <summary>The plan's title: ExitPlanMode's <c>plan</c> before a written file's <c>content</c>.</summary>
        public readonly string? Title => _planTitle ?? _contentTitle;

        /// <summary>What the call acts on: the command that runs, the question, the sub-agent's type, or the path, pattern or URL.</summary>
        public readonly string? TargetOf(string tool) => tool switch
        {
            "Bash" or "BashOutput" or "PowerShell" => _command,
            "AskUserQuestion" => Question,
            "Task" or "Agent" => SubagentType,
            _ => _filePath ?? _notebookPath ?? _path ?? _pattern ?? _url ?? _query ?? _skill ?? _command,
        };
    }
}
