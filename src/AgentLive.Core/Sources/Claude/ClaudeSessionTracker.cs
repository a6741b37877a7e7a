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
    private Phase _phase;
    private int _retryAttempt;
    private int _maxRetries;
    private int _errorStatus;

    public ClaudeSessionTracker(SessionFile file, ILogger logger)
        : base(file, logger)
    {
    }

    private enum Phase
    {
        /// <summary>No turn seen yet.</summary>
        None,

        /// <summary>A prompt, a tool result or a model call: the model is working.</summary>
        ModelCall,

        /// <summary>A failed attempt that will be retried (print mode writes one <c>system/api_error</c> per retry).</summary>
        Retrying,

        /// <summary>The model wrote part of a reply (text, no stop yet).</summary>
        Responding,

        /// <summary>Tool calls are pending (see the pending list for which).</summary>
        Tools,

        TurnEnded,
        ApiError,
        Interrupted,

        /// <summary>A slash command ran locally; no turn is in progress.</summary>
        LocalCommand,

        /// <summary><c>cost-state</c>: written as the process exits.</summary>
        Ended,
    }

    protected override LineOutcome Apply(ReadOnlySpan<byte> bytes)
    {
        if (!_parser.TryParse(bytes, _line))
        {
            return LineOutcome.Malformed;
        }

        ClaudeLine line = _line;
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
            case ClaudeLineKind.Attachment when line.AttachmentType == "queued_command" && !line.IsSidechain:
                _lastPrompt = line.AttachmentPrompt ?? _lastPrompt;
                SetPhase(Phase.ModelCall);
                break;
            case ClaudeLineKind.ApiRequest when !IsSubAgentRequest(line.QuerySource):
                _model = line.RequestModel ?? _model;
                if (_phase is not Phase.Tools and not Phase.Retrying)
                {
                    SetPhase(Phase.ModelCall);
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
                SetPhase(Phase.Ended);
                break;
        }

        return LineOutcome.Changed;
    }

    private static bool IsSubAgentRequest(string? querySource) =>
        querySource is not null && querySource.StartsWith("agent", StringComparison.Ordinal);

    private void ApplyUser(ClaudeLine line)
    {
        foreach (ClaudeToolResult result in line.ToolResults)
        {
            if (!line.IsSidechain)
            {
                _pending.RemoveAll(p => p.Id == result.ToolUseId);
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

        switch (line.UserContent)
        {
            case ClaudeUserContent.ToolResults:
                SetPhase(_pending.Count > 0 ? Phase.Tools : Phase.ModelCall);
                break;
            case ClaudeUserContent.Prompt:
                _turns++;
                _lastPrompt = line.PromptText;
                _firstPrompt ??= line.PromptText;
                _pending.Clear();
                SetPhase(Phase.ModelCall);
                break;
            case ClaudeUserContent.InterruptMarker:
                _pending.Clear();
                SetPhase(Phase.Interrupted);
                break;
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
            if (line.HasUsage)
            {
                _contextTokens = line.InputTokens + line.CacheReadTokens + line.CacheCreationTokens;
            }
        }

        foreach (ClaudeToolUse tool in line.ToolUses)
        {
            _pending.Add(new PendingTool(tool.Id, tool.Name, tool.Summary, tool.Activity));
            if (tool.Name is "Task" or "Agent" && !_subAgents.ContainsKey(tool.Id))
            {
                _subAgents[tool.Id] = new SubAgentState(tool.Id, tool.AgentType, tool.Summary, line.Timestamp);
                _subAgentOrder.Add(tool.Id);
            }
        }

        if (line.IsApiErrorMessage)
        {
            _errorStatus = line.ApiErrorStatus;
            _pending.Clear();
            SetPhase(Phase.ApiError);
        }
        else if (line.IsAbortedMidStream)
        {
            SetPhase(Phase.Interrupted);
        }
        else if (_pending.Count > 0)
        {
            SetPhase(Phase.Tools);
        }
        else if (line.StopReason is ClaudeStopReason.EndTurn or ClaudeStopReason.StopSequence or ClaudeStopReason.MaxTokens)
        {
            // Print mode never writes turn_duration: a final end_turn alone ends the turn.
            SetPhase(Phase.TurnEnded);
        }
        else
        {
            SetPhase(Phase.Responding);
        }
    }

    private void ApplySystem(ClaudeLine line)
    {
        switch (line.Subtype)
        {
            case "api_error":
                _retryAttempt = line.RetryAttempt;
                _maxRetries = line.MaxRetries;
                _errorStatus = line.ErrorStatus;
                SetPhase(Phase.Retrying);
                break;
            case "turn_duration" or "stop_hook_summary" when _pending.Count == 0 && _phase != Phase.ApiError:
                SetPhase(Phase.TurnEnded);
                break;
            case "local_command" when _phase is Phase.None or Phase.TurnEnded or Phase.Interrupted or Phase.Ended or Phase.LocalCommand:
                SetPhase(Phase.LocalCommand);
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

        if (!line.IsSidechain && _phase is not Phase.Tools)
        {
            SetPhase(_pending.Count > 0 ? Phase.Tools : Phase.Responding);
        }
    }

    private void SetPhase(Phase phase)
    {
        _phase = phase;
        if (phase != Phase.Retrying)
        {
            _retryAttempt = _maxRetries = 0;
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
        _phase = Phase.None;
        _retryAttempt = _maxRetries = _errorStatus = 0;
    }

    protected override SessionFacts BuildFacts()
    {
        AgentState state = TranscriptState(out AgentActivity? activity);
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
            TranscriptState = state,
        };
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

    private AgentState TranscriptState(out AgentActivity? activity)
    {
        activity = null;
        switch (_phase)
        {
            case Phase.ModelCall:
                return new AgentState(AgentStateKind.Thinking, "Thinking");
            case Phase.Retrying:
                string cause = _errorStatus > 0 ? $" after error {_errorStatus}" : "";
                string attempt = _maxRetries > 0 ? $" (attempt {_retryAttempt} of {_maxRetries})" : "";
                return new AgentState(AgentStateKind.Thinking, $"Retrying{cause}{attempt}");
            case Phase.Responding:
                return new AgentState(AgentStateKind.Acting, "Responding");
            case Phase.Tools when _pending.Count > 0:
                PendingTool tool = _pending[^1];
                activity = tool.Activity;
                return tool.Name switch
                {
                    "AskUserQuestion" => new AgentState(AgentStateKind.AwaitingInput, tool.Summary is null ? "Asking you a question" : $"Asking: {tool.Summary}"),
                    "ExitPlanMode" => new AgentState(AgentStateKind.PlanReview, "Plan ready for review"),
                    _ => new AgentState(AgentStateKind.ToolRunning, $"Running {activity.Display}"),
                };
            case Phase.Tools:
                return new AgentState(AgentStateKind.Thinking, "Thinking");
            case Phase.TurnEnded:
                return new AgentState(AgentStateKind.TaskComplete, "Task complete");
            case Phase.ApiError:
                return new AgentState(AgentStateKind.Error, _errorStatus > 0 ? $"API error {_errorStatus}" : "API error");
            case Phase.Interrupted:
                return new AgentState(AgentStateKind.Interrupted, "Interrupted");
            case Phase.Ended:
                return new AgentState(AgentStateKind.SessionEnded, "Session ended");
            default:
                return new AgentState(AgentStateKind.Idle, "Waiting for a prompt");
        }
    }

    private readonly record struct PendingTool(string Id, string Name, string? Summary, AgentActivity Activity);

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
