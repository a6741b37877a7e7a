using AgentLive.Parsing;

namespace AgentLive.Sources.Claude;

/// <summary>
/// The facts of one Claude Code transcript line that state depends on. One instance is reused for every line a parser
/// reads (fields, not properties, and lists that are cleared, not reallocated).
/// </summary>
internal sealed class ClaudeLine
{
    public ClaudeLineKind Kind;
    public DateTimeOffset? Timestamp;
    public string? Subtype;
    public bool IsSidechain;
    public bool IsMeta;
    public bool IsCompactSummary;
    public bool IsApiErrorMessage;
    public bool IsAbortedMidStream;
    public string? SessionId;
    public string? Cwd;
    public string? GitBranch;
    public string? ClientVersion;

    /// <summary>The names in the line that the parser does not know (<see cref="ClaudeShapes"/>).</summary>
    public readonly UnknownNames Unknowns = new();

    /// <summary><c>permissionMode</c> of a prompt line: <c>default</c>, <c>plan</c>, <c>acceptEdits</c>, ….</summary>
    public string? PermissionMode;

    // message (user and assistant lines)
    public string? MessageId;
    public string? Model;
    public ClaudeStopReason StopReason;
    public bool HasUsage;
    public long InputTokens;
    public long OutputTokens;
    public long CacheCreationTokens;
    public long CacheReadTokens;
    public ClaudeUserContent UserContent;
    public string? PromptText;
    public readonly List<ClaudeToolUse> ToolUses = [];
    public readonly List<ClaudeToolResult> ToolResults = [];
    public string? ToolResultAgentId;
    public string? ToolResultStatus;

    /// <summary><c>toolUseResult.backgroundTaskId</c>: the id of a shell a Bash call left running in the background.</summary>
    public string? ToolResultBackgroundTaskId;

    /// <summary>The question the last text block ends with (its last sentence, ending with a question mark), if it does.</summary>
    public string? TextQuestion;

    // A <task-notification> user line: the background task (agent or shell) it reports on, and how it ended.
    public string? NotificationTaskId;
    public string? NotificationToolUseId;
    public string? NotificationStatus;

    // system
    public int RetryAttempt;
    public int MaxRetries;

    /// <summary><c>error.status</c> of a <c>system/api_error</c> line.</summary>
    public int ErrorStatus;

    /// <summary><c>apiErrorStatus</c> of an assistant error line.</summary>
    public int ApiErrorStatus;

    // progress
    public string? DataType;
    public string? DataAgentId;
    public string? DataToolName;
    public string? ParentToolUseId;

    // attachment, titles, last-prompt, api-request, cost-state
    public string? AttachmentType;
    public string? AttachmentPrompt;

    /// <summary><c>attachment.planFilePath</c> of a <c>plan_mode</c> attachment: where the plan is written.</summary>
    public string? AttachmentPlanFilePath;
    public string? CustomTitle;
    public string? AiTitle;
    public string? SummaryTitle;
    public string? LastPrompt;
    public string? RequestModel;
    public string? QuerySource;
    public decimal? TotalCostUsd;

    public void Reset()
    {
        Kind = ClaudeLineKind.Unknown;
        Timestamp = null;
        Subtype = SessionId = Cwd = GitBranch = ClientVersion = PermissionMode = null;
        Unknowns.Clear();
        IsSidechain = IsMeta = IsCompactSummary = IsApiErrorMessage = IsAbortedMidStream = false;
        MessageId = Model = null;
        StopReason = ClaudeStopReason.None;
        HasUsage = false;
        InputTokens = OutputTokens = CacheCreationTokens = CacheReadTokens = 0;
        UserContent = ClaudeUserContent.None;
        PromptText = null;
        ToolUses.Clear();
        ToolResults.Clear();
        ToolResultAgentId = ToolResultStatus = ToolResultBackgroundTaskId = null;
        TextQuestion = null;
        NotificationTaskId = NotificationToolUseId = NotificationStatus = null;
        RetryAttempt = MaxRetries = ErrorStatus = ApiErrorStatus = 0;
        DataType = DataAgentId = DataToolName = ParentToolUseId = null;
        AttachmentType = AttachmentPrompt = AttachmentPlanFilePath = CustomTitle = AiTitle = SummaryTitle = LastPrompt = RequestModel = QuerySource = null;
        TotalCostUsd = null;
    }
}
