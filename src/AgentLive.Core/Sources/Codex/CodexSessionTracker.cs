using AgentLive.Pricing;
using Microsoft.Extensions.Logging;

namespace AgentLive.Sources.Codex;

/// <summary>Keeps the state of one Codex rollout.</summary>
/// <remarks>
/// <para>
/// Tokens: <c>token_count.info.total_token_usage</c> is cumulative per thread, across <c>codex resume</c> too, so the
/// latest one is the total (never a sum). A fork or sub-agent rollout that states where its own history starts
/// (<c>subagent_history_start_ordinal</c>) does not count the totals in the parent history copied before it. Codex
/// 0.171 also writes <c>token_usage_record.thread_token_usage</c> as each response is billed, which runs ahead of
/// <c>token_count</c> while a tool runs; it counts only while it is ahead.
/// </para>
/// <para>
/// Sub-agents: a spawned sub-agent's rollout says so in its <c>session_meta</c> (<see cref="SessionFacts.SubAgentOf"/>);
/// the parent lists it from its <c>SubAgentActivity</c> items and, while a collaboration call (<c>wait_agent</c>) is
/// pending and it runs, is <see cref="AgentStateKind.Delegating"/>.
/// </para>
/// <para>
/// Prompts come from <c>item_completed</c> <c>UserMessage</c> items (0.147 and later) or <c>user_message</c> events
/// (older); only a file with neither, written before the envelope existed, falls back to user-role response items.
/// </para>
/// </remarks>
internal sealed class CodexSessionTracker : SessionTrackerBase
{
    /// <summary>The tool namespace of <c>spawn_agent</c>, <c>wait_agent</c> and the other calls between agents.</summary>
    private const string CollaborationNamespace = "collaboration";

    private readonly CodexLineParser _parser = new();
    private readonly CodexLine _line = new();
    private readonly List<PendingCall> _pending = [];
    private readonly TurnProgress _progress = new();
    private readonly List<SubAgentInfo> _subAgents = [];

    private bool _sawMeta;
    private string? _threadId;
    private string? _parentThreadId;
    private bool _isSubAgent;
    private string? _cwd;
    private string? _gitBranch;
    private string? _model;
    private string? _approvalPolicy;
    private long? _historyStart;
    private CodexUsage _total;
    private CodexUsage _baseline;
    private long? _contextTokens;
    private long? _contextWindow;
    private string? _firstPrompt;
    private string? _lastPrompt;
    private int _turns;
    private bool _sawItemPrompts;
    private string? _eventPromptThisTurn;
    private bool _sawEnvelope;
    private bool _sawTaskEvents;
    private bool _afterAbort;
    private string? _lastCommand;
    private string? _question;

    public CodexSessionTracker(SessionFile file, ILogger logger)
        : base(file, logger)
    {
    }

    /// <summary>Whether the latest pending call asked to run outside the sandbox under a policy that asks first.</summary>
    private bool ApprovalLikely =>
        _progress.Phase == TurnPhase.Tools && _pending.Count > 0 && _pending[^1].Escalated && _approvalPolicy is not null and not "never";

    protected override LineOutcome Apply(ReadOnlySpan<byte> bytes)
    {
        if (!_parser.TryParse(bytes, _line))
        {
            return LineOutcome.Malformed;
        }

        CodexLine line = _line;

        // Only session_meta states the version; a fork's copies of its parent's come after the file's own.
        ClientVersion ??= line.ClientVersion;
        NoteUnknownNames(line.Unknowns);
        if (line.Kind == CodexLineKind.Unknown)
        {
            return LineOutcome.Unknown;
        }

        _sawEnvelope |= line.Ordinal is not null || line.Kind is CodexLineKind.EventMsg or CodexLineKind.TurnContext;
        Touch(line.Timestamp);

        bool copiedHistory = _historyStart is { } start && line.Ordinal is { } ordinal && ordinal < start;
        switch (line.Kind)
        {
            case CodexLineKind.SessionMeta:
                ApplySessionMeta(line);
                break;
            case CodexLineKind.TurnContext:
                _model = line.Model ?? _model;
                _cwd = line.Cwd ?? _cwd;
                _approvalPolicy = line.ApprovalPolicy ?? _approvalPolicy;
                break;
            case CodexLineKind.ResponseItem when !copiedHistory:
                ApplyResponseItem(line);
                break;
            case CodexLineKind.EventMsg:
                ApplyEvent(line, copiedHistory);
                break;
            case CodexLineKind.TokenUsageRecord when !copiedHistory && line.HasThreadUsage && line.ThreadUsage.Total > _total.Total:
                // Billed before the token_count that follows the response (a sub-agent's can come a whole command
                // later); never below what token_count said, whose totals are the reference across resumes.
                _total = line.ThreadUsage;
                break;
        }

        return LineOutcome.Changed;
    }

    private void ApplySessionMeta(CodexLine line)
    {
        // A fork repeats its parent's session_meta lines after its own: the first one is the file's.
        if (_sawMeta)
        {
            return;
        }

        _sawMeta = true;
        _threadId = line.Id ?? _threadId;
        _parentThreadId = line.ParentThreadId;
        _isSubAgent = line.IsSubAgent;
        _cwd = line.Cwd ?? _cwd;
        _gitBranch = line.GitBranch;
        _model = line.Model ?? _model;
        _historyStart = line.HistoryStartOrdinal;
    }

    private void ApplyResponseItem(CodexLine line)
    {
        switch (line.PayloadType)
        {
            case CodexPayloadType.Message when line.Role == "user" && line.UserText == CodexUserText.Prompt && !_sawEnvelope:
                Prompt(line.Text);
                break;
            case CodexPayloadType.Message when line.Role == "assistant":
                if (_pending.Count == 0 && _progress.Phase != TurnPhase.TurnEnded)
                {
                    _progress.Enter(TurnPhase.Responding);
                }

                break;
            case CodexPayloadType.Reasoning when _progress.Phase is not TurnPhase.TurnEnded:
                _progress.Enter(TurnPhase.ModelCall);
                break;
            case CodexPayloadType.FunctionCall or CodexPayloadType.CustomToolCall or CodexPayloadType.LocalShellCall:
                _pending.RemoveAll(p => p.CallId == line.CallId);
                _pending.Add(new PendingCall(line.CallId, line.Name ?? "tool", line.ToolSummary, line.Escalated, line.Namespace));
                _progress.Enter(TurnPhase.Tools);
                break;
            case CodexPayloadType.FunctionCallOutput or CodexPayloadType.CustomToolCallOutput:
                _pending.RemoveAll(p => p.CallId == line.CallId);
                if (_progress.Phase is TurnPhase.Tools or TurnPhase.ModelCall or TurnPhase.Responding)
                {
                    _progress.Enter(_pending.Count > 0 ? TurnPhase.Tools : TurnPhase.ModelCall);
                }

                break;
        }
    }

    private void ApplyEvent(CodexLine line, bool copiedHistory)
    {
        if (line.PayloadType == CodexPayloadType.TokenCount && line.HasTokenInfo)
        {
            if (copiedHistory)
            {
                _baseline = line.TotalUsage;
            }
            else
            {
                _total = line.TotalUsage;
                _contextTokens = line.LastUsage.Input;
                _contextWindow = line.ModelContextWindow ?? _contextWindow;

                // Files from before task events existed: an answer followed by its token count ends the turn.
                if (!_sawTaskEvents && _progress.Phase == TurnPhase.Responding && _pending.Count == 0)
                {
                    _progress.Enter(TurnPhase.TurnEnded);
                }
            }

            return;
        }

        if (copiedHistory)
        {
            return;
        }

        switch (line.PayloadType)
        {
            case CodexPayloadType.TaskStarted:
                _sawTaskEvents = true;
                _contextWindow = line.ModelContextWindow ?? _contextWindow;
                _pending.Clear();
                _progress.Enter(TurnPhase.ModelCall);
                break;
            case CodexPayloadType.TaskComplete:
                _sawTaskEvents = true;
                _eventPromptThisTurn = null;
                _pending.Clear();
                _question = line.HasError ? null : line.Question;
                if (line.HasError)
                {
                    _progress.Fail(status: 0, line.ErrorMessage ?? "The turn failed");
                }
                else
                {
                    _progress.Enter(TurnPhase.TurnEnded);
                }

                break;
            case CodexPayloadType.TurnAborted:
                _pending.Clear();
                _afterAbort = true;
                _progress.Enter(line.Reason == "replaced" ? TurnPhase.ModelCall : TurnPhase.Interrupted);
                break;
            case CodexPayloadType.ItemCompleted when line.ItemType == CodexItemType.UserMessage:
                // Builds that write both a user_message event and the item for one prompt count it once.
                _sawItemPrompts = true;
                if (_eventPromptThisTurn is not null && _eventPromptThisTurn == line.ItemText)
                {
                    _eventPromptThisTurn = null;
                }
                else
                {
                    Prompt(line.ItemText);
                }

                break;
            case CodexPayloadType.ItemCompleted when line.ItemType == CodexItemType.CommandExecution:
                // Written when the command ends, even after the turn was aborted: it never reopens a turn.
                _lastCommand = line.Command ?? _lastCommand;
                break;
            case CodexPayloadType.ItemCompleted when line.ItemType == CodexItemType.SubAgentActivity && line.AgentThreadId is not null:
                SubAgentActivity(line);
                break;
            case CodexPayloadType.UserMessage when !_sawItemPrompts:
                Prompt(line.Text);
                _eventPromptThisTurn = line.Text;
                break;
            case CodexPayloadType.AgentMessage when _pending.Count == 0 && _progress.Phase is TurnPhase.ModelCall:
                _progress.Enter(TurnPhase.Responding);
                break;
            case CodexPayloadType.ExecCommandBegin:
                _lastCommand = line.Command ?? _lastCommand;
                break;
            case CodexPayloadType.Error:
                _progress.Fail(status: 0, line.ErrorMessage);
                break;
        }
    }

    /// <summary>A sub-agent of this thread started or ended: listed under it, paired with its own rollout by its thread id.</summary>
    private void SubAgentActivity(CodexLine line)
    {
        int index = _subAgents.FindIndex(a => a.AgentId == line.AgentThreadId);
        if (line.SubAgentEvent == "started")
        {
            var started = new SubAgentInfo
            {
                Id = line.ItemId ?? line.AgentThreadId!,
                AgentId = line.AgentThreadId,
                Description = line.AgentPath,
                Status = SubAgentStatus.Running,
                StartedAt = line.Timestamp,
            };
            if (index < 0)
            {
                _subAgents.Add(started);
            }
            else
            {
                _subAgents[index] = started;
            }

            return;
        }

        if (index >= 0)
        {
            _subAgents[index] = _subAgents[index] with
            {
                Status = line.SubAgentEvent switch
                {
                    "completed" => SubAgentStatus.Completed,
                    "failed" or "errored" => SubAgentStatus.Failed,
                    _ => SubAgentStatus.Other,
                },
            };
        }
    }

    private void Prompt(string? text)
    {
        // After an interrupt Codex may re-send the session's first prompt verbatim; that replay is not a new turn.
        if (_afterAbort && text is not null && text == _firstPrompt)
        {
            _afterAbort = false;
            return;
        }

        _afterAbort = false;
        _question = null;
        _turns++;
        _firstPrompt ??= text;
        _lastPrompt = text ?? _lastPrompt;
        _pending.Clear();
        _progress.Enter(TurnPhase.ModelCall);
    }

    protected override void Clear()
    {
        _pending.Clear();
        _sawMeta = _sawItemPrompts = _sawEnvelope = _sawTaskEvents = _afterAbort = false;
        _eventPromptThisTurn = null;
        _isSubAgent = false;
        _subAgents.Clear();
        _threadId = _parentThreadId = _cwd = _gitBranch = _model = _approvalPolicy = null;
        _historyStart = null;
        _total = _baseline = default;
        _contextTokens = _contextWindow = null;
        _firstPrompt = _lastPrompt = _lastCommand = _question = null;
        _turns = 0;
        _progress.Clear();
    }

    protected override SessionFacts BuildFacts()
    {
        (AgentState state, AgentActivity? activity) = _progress.Describe(LatestPendingCall());
        if (state.Kind == AgentStateKind.ToolRunning && _pending[^1].Namespace == CollaborationNamespace
            && _subAgents.FindLast(a => a.IsRunning) is { } working)
        {
            // A collaboration call (wait_agent) pending while a sub-agent runs: the work is the sub-agent's, which
            // CodexSessionSource.CombineSubAgents shows once its rollout is read.
            state = new AgentState(AgentStateKind.Delegating, $"Waiting for sub-agent {working.Description ?? working.AgentId}");
        }
        else if (state.Kind == AgentStateKind.TaskComplete && _question is { } question)
        {
            // An answer that ends with a question: the turn is over, and the user is asked something.
            (state, activity) = (new AgentState(AgentStateKind.AwaitingInput, $"Asking: {question}"), new AgentActivity { Description = question });
        }

        TokenUsage tokens = (_total - _baseline).ToTokenUsage();
        return new SessionFacts
        {
            SourceSessionId = _threadId ?? File.SessionId,
            ParentSessionId = _parentThreadId,
            SubAgentOf = _isSubAgent ? _parentThreadId : null,
            ProjectPath = _cwd,
            GitBranch = _gitBranch,
            Title = _firstPrompt,
            LastUserMessage = _lastPrompt,
            Activity = activity,
            TurnCount = _turns,
            Model = _model,
            Tokens = tokens,
            ContextWindowTokens = _contextTokens,
            ContextWindowSize = _contextWindow,
            CostUsd = tokens.Total == 0 ? 0m : ModelPriceTable.Bundled.Cost([new(_model ?? "unknown", tokens)]),
            StartedAt = StartedAt,
            LastActivityAt = LastActivityAt,
            TranscriptState = state,
            SubAgents = [.. _subAgents],

            // Codex never writes an approval prompt to the rollout: an escalation request left unanswered under a
            // policy that asks first is the best evidence there is (see SessionStatusRules).
            PendingApproval = ApprovalLikely ? _pending[^1].Summary ?? _pending[^1].Name : null,
        };
    }

    private PendingToolCall? LatestPendingCall()
    {
        if (_pending.Count == 0)
        {
            return null;
        }

        PendingCall call = _pending[^1];

        // The default model runs everything through "exec": what runs is the command, so it is the target.
        var activity = new AgentActivity { Tool = call.Name, Target = call.Summary ?? _lastCommand };
        return new PendingToolCall(activity, call.Name == "request_user_input" ? PendingToolKind.AsksUser : PendingToolKind.Runs, Question: null);
    }

    private readonly record struct PendingCall(string? CallId, string Name, string? Summary, bool Escalated, string? Namespace);
}
