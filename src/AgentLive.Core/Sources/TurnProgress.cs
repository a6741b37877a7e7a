namespace AgentLive.Sources;

/// <summary>
/// The phase of a transcript's current turn with what its label needs (the error, the retry), and the one mapping
/// from it to an <see cref="AgentState"/>, so that every source words the same state the same way.
/// </summary>
internal sealed class TurnProgress
{
    private int _errorStatus;
    private string? _errorMessage;
    private int _retryAttempt;
    private int _maxRetries;

    public TurnPhase Phase { get; private set; }

    /// <summary>Moves to <paramref name="phase"/>; an error or retry stated earlier no longer applies.</summary>
    public void Enter(TurnPhase phase)
    {
        Phase = phase;
        _errorStatus = _retryAttempt = _maxRetries = 0;
        _errorMessage = null;
    }

    /// <summary>The turn failed, with the HTTP status (0 when unknown) and the client's message, if any.</summary>
    public void Fail(int status, string? message)
    {
        Enter(TurnPhase.Error);
        (_errorStatus, _errorMessage) = (status, message);
    }

    /// <summary>An attempt failed with <paramref name="status"/> and will be retried (0s when unknown).</summary>
    public void Retry(int status, int attempt, int maxRetries)
    {
        Enter(TurnPhase.Retrying);
        (_errorStatus, _retryAttempt, _maxRetries) = (status, attempt, maxRetries);
    }

    public void Clear() => Enter(TurnPhase.None);

    /// <summary>The state and its label, with the pending call's activity while tools run.</summary>
    /// <param name="latestPending">The latest pending tool call, if any.</param>
    public (AgentState State, AgentActivity? Activity) Describe(PendingToolCall? latestPending)
    {
        switch (Phase)
        {
            case TurnPhase.Tools when latestPending is { } tool:
                AgentState state = tool.Kind switch
                {
                    PendingToolKind.AsksUser => new AgentState(
                        AgentStateKind.AwaitingInput, tool.Question is null ? "Asking you a question" : $"Asking: {tool.Question}"),
                    PendingToolKind.PlanReview => new AgentState(AgentStateKind.PlanReview, "Plan ready for review"),
                    _ => new AgentState(AgentStateKind.ToolRunning, $"Running {tool.Activity.Display}"),
                };
                return (state, tool.Activity);
            case TurnPhase.ModelCall or TurnPhase.Tools:
                return (new AgentState(AgentStateKind.Thinking, "Thinking"), null);
            case TurnPhase.Retrying:
                string cause = _errorStatus > 0 ? $" after error {_errorStatus}" : "";
                string attempt = _maxRetries > 0 ? $" (attempt {_retryAttempt} of {_maxRetries})" : "";
                return (new AgentState(AgentStateKind.Thinking, $"Retrying{cause}{attempt}"), null);
            case TurnPhase.Responding:
                return (new AgentState(AgentStateKind.Acting, "Responding"), null);
            case TurnPhase.TurnEnded:
                return (new AgentState(AgentStateKind.TaskComplete, "Task complete"), null);
            case TurnPhase.Error:
                string status = _errorStatus > 0 ? $" {_errorStatus}" : "";
                string message = _errorMessage is null ? "" : $": {_errorMessage}";
                return (new AgentState(AgentStateKind.Error, $"Error{status}{message}"), null);
            case TurnPhase.Interrupted:
                return (new AgentState(AgentStateKind.Interrupted, "Interrupted"), null);
            case TurnPhase.Ended:
                return (new AgentState(AgentStateKind.SessionEnded, "Session ended"), null);
            default:
                return (new AgentState(AgentStateKind.Idle, "Waiting for a prompt"), null);
        }
    }
}
