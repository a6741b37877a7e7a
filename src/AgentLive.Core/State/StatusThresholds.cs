namespace AgentLive;

/// <summary>The time limits that turn silence into a status.</summary>
public sealed class StatusThresholds
{
    private TimeSpan _quietAfter = TimeSpan.FromSeconds(10);
    private TimeSpan _doneAfter = TimeSpan.FromMinutes(15);
    private TimeSpan _staleAfter = TimeSpan.FromMinutes(30);
    private TimeSpan _approvalQuiet = TimeSpan.FromSeconds(2);
    private TimeSpan _notRecordedAfter = TimeSpan.FromMinutes(1);

    /// <summary>Gets the defaults.</summary>
    public static StatusThresholds Default { get; } = new();

    /// <summary>Gets or sets how long a session that looked busy when its process exited must be quiet before it is done (one whose turn was over is done at once).</summary>
    /// <value>The default is 10 seconds: long enough for the last lines a client writes as it exits.</value>
    public TimeSpan QuietAfter
    {
        get => _quietAfter;
        init => _quietAfter = NotNegative(value);
    }

    /// <summary>Gets or sets how long a session with no known process must be quiet before it is done.</summary>
    /// <value>The default is 15 minutes.</value>
    public TimeSpan DoneAfter
    {
        get => _doneAfter;
        init => _doneAfter = NotNegative(value);
    }

    /// <summary>
    /// Gets or sets how long a session that looks busy may go without a new line, while its process lives, before it
    /// is shown as idle instead (a model call or tool does not run that long unnoticed).
    /// </summary>
    /// <value>The default is 30 minutes.</value>
    public TimeSpan StaleAfter
    {
        get => _staleAfter;
        init => _staleAfter = NotNegative(value);
    }

    /// <summary>
    /// Gets or sets how long a tool call that probably needs approval (a call asking to leave the sandbox under a policy that asks first) must
    /// stay unanswered before the session is shown as waiting for it.
    /// </summary>
    /// <value>The default is 2 seconds: a call the sandbox runs at once answers sooner.</value>
    public TimeSpan ApprovalQuiet
    {
        get => _approvalQuiet;
        init => _approvalQuiet = NotNegative(value);
    }

    /// <summary>
    /// Gets or sets how long an agent process that no transcript belongs to must run before it is shown as a session
    /// of its own, <see cref="AgentStateKind.NotRecorded"/> (process detection only).
    /// </summary>
    /// <value>
    /// The default is 1 minute. A client writes its first line only when the first prompt is sent, so an agent that
    /// just started has no transcript yet and is not hidden from view; a minute covers starting it and typing that
    /// prompt, while an agent that writes nothing at all (a run with transcripts turned off) still shows soon.
    /// </value>
    public TimeSpan NotRecordedAfter
    {
        get => _notRecordedAfter;
        init => _notRecordedAfter = NotNegative(value);
    }

    private static TimeSpan NotNegative(TimeSpan value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
        return value;
    }
}
