using AgentLive.Parsing;

namespace AgentLive.Sources.Codex;

/// <summary>The facts of one Codex rollout line that state depends on; one instance is reused for every line.</summary>
internal sealed class CodexLine
{
    public CodexLineKind Kind;
    public CodexPayloadType PayloadType;
    public DateTimeOffset? Timestamp;
    public long? Ordinal;

    /// <summary>
    /// Gets or sets whether the parser stopped before the end of the line (developer context, a world-state snapshot):
    /// the rest was not validated, and only the envelope counts.
    /// </summary>
    public bool ReadPartially { get; set; }

    // session_meta (or a pre-envelope header)
    public string? Id;
    public string? Cwd;
    public string? GitBranch;
    public string? ParentThreadId;

    /// <summary>Whether the thread is a spawned sub-agent's (<c>thread_source: "subagent"</c>, or a <c>subagent</c> source), not a fork.</summary>
    public bool IsSubAgent;
    public long? HistoryStartOrdinal;
    public string? ClientVersion;

    // turn_context
    public string? Model;
    public string? ApprovalPolicy;

    // response items
    public string? Role;
    public CodexUserText UserText;
    public string? Text;
    public string? CallId;
    public string? Name;
    public string? ToolSummary;
    public bool Escalated;

    /// <summary>The tool namespace of a function call, such as <c>collaboration</c> for <c>spawn_agent</c>/<c>wait_agent</c>.</summary>
    public string? Namespace;

    // events
    public bool HasError;
    public string? ErrorMessage;
    public string? Reason;

    /// <summary>For a completed turn, the question its final answer ends with, if it ends with one.</summary>
    public string? Question;
    public CodexItemType ItemType;
    public string? ItemText;
    public string? Command;

    // item_completed SubAgentActivity
    public string? ItemId;
    public string? SubAgentEvent;
    public string? AgentThreadId;
    public string? AgentPath;
    public long? ModelContextWindow;
    public bool HasTokenInfo;
    public CodexUsage TotalUsage;
    public CodexUsage LastUsage;

    /// <summary>The names in the line that the parser does not know (<see cref="CodexShapes"/>).</summary>
    public readonly UnknownNames Unknowns = new();

    // token_usage_record
    public bool HasThreadUsage;
    public CodexUsage ThreadUsage;

    public void Reset()
    {
        Kind = CodexLineKind.Unknown;
        PayloadType = CodexPayloadType.Other;
        Timestamp = null;
        Ordinal = null;
        ReadPartially = false;
        Id = Cwd = GitBranch = ParentThreadId = ClientVersion = null;
        IsSubAgent = false;
        HistoryStartOrdinal = null;
        Model = ApprovalPolicy = null;
        Role = Text = CallId = Name = ToolSummary = Namespace = null;
        UserText = CodexUserText.None;
        Escalated = false;
        HasError = false;
        ErrorMessage = Reason = ItemText = Command = Question = null;
        ItemId = SubAgentEvent = AgentThreadId = AgentPath = null;
        ItemType = CodexItemType.Other;
        ModelContextWindow = null;
        HasTokenInfo = false;
        TotalUsage = LastUsage = ThreadUsage = default;
        HasThreadUsage = false;
        Unknowns.Clear();
    }
}
