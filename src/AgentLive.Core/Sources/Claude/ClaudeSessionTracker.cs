using AgentLive.Pricing;
using Microsoft.Extensions.Logging;

namespace AgentLive.Sources.Claude;

/// <summary>Keeps the state of one Claude Code transcript (a session's, or a sub-agent's).</summary>
/// <remarks>
/// Status follows the last meaningful main-chain line (<c>isSidechain</c> lines only feed tokens and sub-agents);
/// bookkeeping lines (<c>mode</c>, <c>atis-latch</c>, <c>last-prompt</c>, attachments, …) never move it.
/// </remarks>
internal sealed class ClaudeSessionTracker : SessionTrackerBase
{
    private const string Synthetic = "<synthetic>";

    private readonly ClaudeLineParser _parser = new();
    private readonly ClaudeLine _line = new();
    private readonly ClaudeTokenLedger _tokens = new();
    private readonly List<PendingTool> _pending = [];
    private readonly Dictionary<string, SubAgentState> _subAgents = new(StringComparer.Ordinal);
    private readonly List<string> _subAgentOrder = [];
    private readonly TurnProgress _progress = new();
    private readonly ClaudeBackgroundWork _background = new();

    private string? _sessionId;
    private string? _cwd;
    private string? _gitBranch;
    private string? _model;
    private long? _contextTokens;
    private string? _customTitle;
    private string? _aiTitle;
    private string? _summaryTitle;
    private string? _firstPrompt;
    private string? _lastPrompt;
    private string? _lastPromptLine;
    private int _turns;
    private decimal? _clientCost;
    private bool _usageSinceClientCost;
    private string? _planFilePath;
    private string? _proposedPlan;
    private string? _question;

    public ClaudeSessionTracker(SessionFile file, ILogger logger)
        : base(file, logger)
    {
    }

    /// <summary>Gets the ledger of the responses' usage (for tests of what it keeps).</summary>
    internal ClaudeTokenLedger Tokens => _tokens;

    protected override LineOutcome Apply(ReadOnlySpan<byte> bytes)
    {
        if (!_parser.TryParse(bytes, _line))
        {
            return LineOutcome.Malformed;
        }

        ClaudeLine line = _line;

        // Every conversation line states the client's version; a resumed session can go on under a newer one.
        ClientVersion = line.ClientVersion ?? ClientVersion;
        NoteUnknownNames(line.Unknowns);
        if (line.Kind == ClaudeLineKind.Unknown)
        {
            return LineOutcome.Unknown;
        }

        Touch(line.Timestamp);

        // In a sub-agent's own transcript every line is marked sidechain: there, those lines are the main chain.
        if (File.Kind == SessionFileKind.SubAgent)
        {
            line.IsSidechain = false;
        }

        if (!line.IsSidechain)
        {
            _sessionId = line.SessionId ?? _sessionId;
            _cwd = line.Cwd ?? _cwd;
            _gitBranch = line.GitBranch ?? _gitBranch;
        }

        switch (line.Kind)
        {
            case ClaudeLineKind.User:
                ApplyUser(line);
                break;
            case ClaudeLineKind.Assistant:
                ApplyAssistant(line);
                break;
            case ClaudeLineKind.System when !line.IsSidechain:
                ApplySystem(line);
                break;
            case ClaudeLineKind.Progress:
                ApplyProgress(line);
                break;
            case ClaudeLineKind.Attachment when !line.IsSidechain:
                ApplyAttachment(line);
                break;

            // In a sub-agent's own transcript its requests are its main chain.
            case ClaudeLineKind.ApiRequest when File.Kind == SessionFileKind.SubAgent || !IsSubAgentRequest(line.QuerySource):
                _model = line.RequestModel ?? _model;
                if (_progress.Phase is not TurnPhase.Tools and not TurnPhase.Retrying)
                {
                    _progress.Enter(TurnPhase.ModelCall);
                }

                break;
            case ClaudeLineKind.CustomTitle:
                _customTitle = line.CustomTitle ?? _customTitle;
                break;
            case ClaudeLineKind.AiTitle:
                _aiTitle = line.AiTitle ?? _aiTitle;
                break;
            case ClaudeLineKind.Summary:
                _summaryTitle = line.SummaryTitle ?? _summaryTitle;
                break;
            case ClaudeLineKind.LastPrompt:
                _lastPromptLine = line.LastPrompt ?? _lastPromptLine;
                break;
            case ClaudeLineKind.CostState:
                _clientCost = line.TotalCostUsd ?? _clientCost;
                _usageSinceClientCost = false;
                _pending.Clear();
                _background.Clear();
                _progress.Enter(TurnPhase.Ended);
                break;
        }

        return LineOutcome.Changed;
    }

    /// <summary>A plan written to plan mode's plan file, or presented for review, is proposed: its title is kept.</summary>
    private void ProposePlan(ClaudeToolUse tool)
    {
        if (tool.Name is "Write" or "Edit" or "MultiEdit" && _planFilePath is not null && tool.Target == _planFilePath)
        {
            _proposedPlan = tool.Title ?? _proposedPlan ?? Path.GetFileNameWithoutExtension(_planFilePath);
        }
        else if (tool.Name == "ExitPlanMode")
        {
            _proposedPlan = tool.Title ?? _proposedPlan;
        }
    }

    private static bool IsSubAgentRequest(string? querySource) =>
        querySource is not null && querySource.StartsWith("agent", StringComparison.Ordinal);

    private void ApplyAttachment(ClaudeLine line)
    {
        switch (line.AttachmentType)
        {
            case "queued_command":
                _lastPrompt = line.AttachmentPrompt ?? _lastPrompt;
                _progress.Enter(TurnPhase.ModelCall);
                break;

            // Plan mode names the file the plan is to be written to; leaving it ends any proposal.
            case "plan_mode":
                _planFilePath = line.AttachmentPlanFilePath ?? _planFilePath;
                break;
            case "plan_mode_exit":
                _planFilePath = _proposedPlan = null;
                break;
        }
    }

    private void ApplyUser(ClaudeLine line)
    {
        foreach (ClaudeToolResult result in line.ToolResults)
        {
            if (!line.IsSidechain)
            {
                ApplyToolResult(line, result);
            }

            if (_subAgents.TryGetValue(result.ToolUseId, out SubAgentState? agent))
            {
                agent.Status = StatusOf(line.ToolResultStatus, result.IsError);
                agent.AgentId = line.ToolResultAgentId ?? agent.AgentId;
            }
        }

        if (line.IsSidechain)
        {
            return;
        }

        // The mode a prompt was sent in: out of plan mode no plan waits for review.
        if (line.PermissionMode is { } mode && mode != "plan")
        {
            _proposedPlan = null;
        }

        switch (line.UserContent)
        {
            case ClaudeUserContent.ToolResults:
                _progress.Enter(_pending.Count > 0 ? TurnPhase.Tools : TurnPhase.ModelCall);
                break;
            case ClaudeUserContent.Prompt:
                _turns++;
                _lastPrompt = line.PromptText;
                _firstPrompt ??= line.PromptText;
                _pending.Clear();
                _question = null;
                _progress.Enter(TurnPhase.ModelCall);
                break;

            // A background task ended and the client starts a turn by itself: no person prompted it.
            case ClaudeUserContent.TaskNotification:
                FinishBackgroundTask(line);
                _question = null;
                _progress.Enter(TurnPhase.ModelCall);
                break;
            case ClaudeUserContent.InterruptMarker:
                _pending.Clear();
                _progress.Enter(TurnPhase.Interrupted);
                break;
        }
    }

    /// <summary>A main-chain tool result: the call is answered, and may have left work running in the background.</summary>
    private void ApplyToolResult(ClaudeLine line, ClaudeToolResult result)
    {
        int index = _pending.FindIndex(p => p.Id == result.ToolUseId);
        if (index < 0)
        {
            return;
        }

        PendingTool call = _pending[index];
        _pending.RemoveAll(p => p.Id == result.ToolUseId);
        if (call.Name is "Task" or "Agent" && line.ToolResultStatus == "async_launched")
        {
            _background.AddAgent(call.Id, line.ToolResultAgentId, call.Delegation);
        }
        else if (line.ToolResultBackgroundTaskId is { } shell && !result.IsError)
        {
            _background.AddShell(call.Id, shell, call.Activity);
        }
        else if (call.Name == "ExitPlanMode")
        {
            // Approved or rejected, the plan is no longer waiting for review.
            _proposedPlan = null;
        }
    }

    private void FinishBackgroundTask(ClaudeLine line)
    {
        _background.Finish(line.NotificationToolUseId, line.NotificationTaskId);
        SubAgentState? agent = line.NotificationToolUseId is { } id && _subAgents.TryGetValue(id, out SubAgentState? spawned) ? spawned
            : _subAgents.Values.FirstOrDefault(a => a.AgentId is not null && a.AgentId == line.NotificationTaskId);
        if (agent is not null)
        {
            agent.Status = StatusOf(line.NotificationStatus, isError: false);
        }
    }

    private void ApplyAssistant(ClaudeLine line)
    {
        bool synthetic = line.IsApiErrorMessage || line.Model == Synthetic;
        if (!synthetic && line.HasUsage)
        {
            var usage = new TokenUsage(line.InputTokens, line.OutputTokens, line.CacheReadTokens, line.CacheCreationTokens, 0);
            if (_tokens.Add(line.MessageId, line.IsSidechain, line.Model ?? "unknown", usage))
            {
                _usageSinceClientCost = true;
            }
        }

        if (line.IsSidechain)
        {
            return;
        }

        if (!synthetic)
        {
            _model = line.Model ?? _model;
            _question = line.TextQuestion;
            if (line.HasUsage)
            {
                _contextTokens = line.InputTokens + line.CacheReadTokens + line.CacheCreationTokens;
            }
        }

        foreach (ClaudeToolUse tool in line.ToolUses)
        {
            ProposePlan(tool);

            // A plan under review acts on the plan: its title says which.
            AgentActivity activity = tool.Name == "ExitPlanMode" ? new AgentActivity { Tool = tool.Name, Description = _proposedPlan } : tool.Activity;
            _pending.Add(new PendingTool(tool.Id, tool.Name, tool.Summary, activity));
            if (tool.Name is "Task" or "Agent" && !_subAgents.ContainsKey(tool.Id))
            {
                _subAgents[tool.Id] = new SubAgentState(tool.Id, tool.AgentType, tool.Summary, line.Timestamp);
                _subAgentOrder.Add(tool.Id);
            }
        }

        if (line.IsApiErrorMessage)
        {
            _pending.Clear();
            _progress.Fail(line.ApiErrorStatus, message: null);
        }
        else if (line.IsAbortedMidStream)
        {
            _progress.Enter(TurnPhase.Interrupted);
        }
        else if (_pending.Count > 0)
        {
            _progress.Enter(TurnPhase.Tools);
        }
        else if (line.StopReason is ClaudeStopReason.EndTurn or ClaudeStopReason.StopSequence or ClaudeStopReason.MaxTokens)
        {
            // Print mode never writes turn_duration: a final end_turn alone ends the turn.
            _progress.Enter(TurnPhase.TurnEnded);
        }
        else
        {
            _progress.Enter(TurnPhase.Responding);
        }
    }

    private void ApplySystem(ClaudeLine line)
    {
        switch (line.Subtype)
        {
            case "api_error":
                // Print mode writes one system/api_error per failed attempt that will be retried.
                _progress.Retry(line.ErrorStatus, line.RetryAttempt, line.MaxRetries);
                break;
            case "turn_duration" or "stop_hook_summary" when _pending.Count == 0 && _progress.Phase != TurnPhase.Error:
                _progress.Enter(TurnPhase.TurnEnded);
                break;
            case "local_command" when _progress.Phase is TurnPhase.None or TurnPhase.TurnEnded or TurnPhase.Interrupted or TurnPhase.Ended or TurnPhase.LocalCommand:
                _progress.Enter(TurnPhase.LocalCommand);
                break;
        }
    }

    private void ApplyProgress(ClaudeLine line)
    {
        if (line.DataType == "agent_progress" && line.ParentToolUseId is { } spawn && _subAgents.TryGetValue(spawn, out SubAgentState? agent))
        {
            agent.AgentId = line.DataAgentId ?? agent.AgentId;
            agent.Activity = line.DataToolName is { } toolName ? new AgentActivity { Tool = toolName } : agent.Activity;
        }

        if (!line.IsSidechain && _progress.Phase is not TurnPhase.Tools)
        {
            _progress.Enter(_pending.Count > 0 ? TurnPhase.Tools : TurnPhase.Responding);
        }
    }

    protected override void Clear()
    {
        _tokens.Clear();
        _pending.Clear();
        _subAgents.Clear();
        _subAgentOrder.Clear();
        _sessionId = _cwd = _gitBranch = _model = null;
        _customTitle = _aiTitle = _summaryTitle = _firstPrompt = _lastPrompt = _lastPromptLine = null;
        _contextTokens = null;
        _turns = 0;
        _clientCost = null;
        _usageSinceClientCost = false;
        _planFilePath = _proposedPlan = _question = null;
        _background.Clear();
        _progress.Clear();
    }

    protected override SessionFacts BuildFacts()
    {
        (AgentState state, AgentActivity? activity) = Describe();
        return new SessionFacts
        {
            SourceSessionId = _sessionId ?? File.SessionId,
            ProjectPath = _cwd,

            // Claude Code writes "HEAD" when the working directory is not a git repository.
            GitBranch = _gitBranch is "HEAD" or "" ? null : _gitBranch,
            Title = _customTitle ?? _aiTitle ?? _summaryTitle ?? _firstPrompt,
            LastUserMessage = _lastPrompt ?? _lastPromptLine,
            Activity = activity,
            TurnCount = _turns,
            Model = _model,
            Tokens = _tokens.Total,
            ContextWindowTokens = _contextTokens,
            CostUsd = Cost(),
            StartedAt = StartedAt,
            LastActivityAt = LastActivityAt,
            SubAgents = [.. _subAgentOrder.Select(id => _subAgents[id].ToInfo())],
            ProposedPlan = _proposedPlan,
            TranscriptState = state,
        };
    }

    /// <summary>
    /// The turn's state, and where the turn alone misleads: a pending Agent call delegates to its sub-agent; a turn that
    /// is over while work runs in the background still works; one that ends asking the user something in prose waits.
    /// </summary>
    private (AgentState State, AgentActivity? Activity) Describe()
    {
        if (_progress.Phase == TurnPhase.Tools && _pending.Count > 0 && _pending[^1] is { Name: "Task" or "Agent" } spawn)
        {
            AgentActivity? current = _subAgents.TryGetValue(spawn.Id, out SubAgentState? agent) ? agent.Activity : null;
            return (new AgentState(AgentStateKind.Delegating, $"Delegating: {spawn.Summary ?? spawn.Name}"), current ?? spawn.Delegation);
        }

        if (_progress.Phase is TurnPhase.TurnEnded or TurnPhase.LocalCommand && _background.Describe() is { } background)
        {
            return background;
        }

        if (_progress.Phase == TurnPhase.TurnEnded && _question is { } question)
        {
            return (new AgentState(AgentStateKind.AwaitingInput, "Asked you a question"), new AgentActivity { Description = question });
        }

        return _progress.Describe(LatestPendingTool());
    }

    private decimal? Cost()
    {
        if (_tokens.Total.Total == 0)
        {
            return _clientCost ?? 0m;
        }

        // The bundled price list first; for a model it does not know, the client's own total from its last exit,
        // as long as no usage came after it.
        return ModelPriceTable.Bundled.Cost(_tokens.ByModel) ?? (_usageSinceClientCost ? null : _clientCost);
    }

    private PendingToolCall? LatestPendingTool()
    {
        if (_pending.Count == 0)
        {
            return null;
        }

        PendingTool tool = _pending[^1];
        PendingToolKind kind = tool.Name switch
        {
            "AskUserQuestion" => PendingToolKind.AsksUser,
            "ExitPlanMode" => PendingToolKind.PlanReview,
            _ => PendingToolKind.Runs,
        };

        // An AskUserQuestion call's summary is its first question.
        return new PendingToolCall(tool.Activity, kind, tool.Summary);
    }

    private readonly record struct PendingTool(string Id, string Name, string? Summary, AgentActivity Activity)
    {
        /// <summary>Gets, for an Agent call, what the session shows while it delegates and the sub-agent's own call is unknown.</summary>
        public AgentActivity Delegation => new() { Tool = Name, Description = Summary };
    }

    /// <summary>
    /// A sub-agent's end as its spawn's result states it (<c>toolUseResult.status</c>, Claude Code 2.1.x):
    /// <c>completed</c>, or <c>async_launched</c> for one started in the background.
    /// </summary>
    private static SubAgentStatus StatusOf(string? status, bool isError) => status switch
    {
        "completed" => SubAgentStatus.Completed,
        "async_launched" => SubAgentStatus.Launched,
        "failed" or "error" => SubAgentStatus.Failed,
        null => isError ? SubAgentStatus.Failed : SubAgentStatus.Completed,
        _ => SubAgentStatus.Other,
    };

    private sealed class SubAgentState(string id, string? agentType, string? description, DateTimeOffset? startedAt)
    {
        public string? AgentId { get; set; }

        public SubAgentStatus Status { get; set; }

        public AgentActivity? Activity { get; set; }

        public SubAgentInfo ToInfo() => new()
        {
            Id = id,
            AgentId = AgentId,
            AgentType = agentType,
            Description = description,
            Status = Status,
            Activity = Status == SubAgentStatus.Running ? Activity : null,
            StartedAt = startedAt,
        };
    }
}
