using AgentLive.Sources;

namespace AgentLive.State;

/// <summary>
/// Weighs what a transcript says against time, the process table and the agent's live report. A pure function, so
/// every rule is tested with fixed inputs and no clock.
/// </summary>
/// <remarks>
/// The rules, first match wins:
/// <list type="number">
/// <item>An agent's live report that is newer than the transcript's last line, from a live process, wins:
/// waiting for the user is a dialog (the only place one is visible), working is work, idle ends any apparent work.</item>
/// <item>A transcript that says the session ended, with a live process, is a resumed session waiting for its prompt.</item>
/// <item>A tool call that probably needs approval (<see cref="SessionFacts.PendingApproval"/>), unanswered for
/// <see cref="StatusThresholds.ApprovalQuiet"/> with no tool process of the session running, is a permission wait.</item>
/// <item>A gone process whose turn was over, a gone process after <see cref="StatusThresholds.QuietAfter"/> of quiet,
/// or no known process after <see cref="StatusThresholds.DoneAfter"/>, means done.</item>
/// <item>A live process that looks busy with no new line for <see cref="StatusThresholds.StaleAfter"/> is idle.</item>
/// <item>Otherwise the transcript's state stands.</item>
/// </list>
/// </remarks>
internal static class SessionStatusRules
{
    private static readonly AgentState Ended = new(AgentStateKind.SessionEnded, "Session ended");
    private static readonly AgentState Resumed = new(AgentStateKind.Idle, "Waiting for a prompt");
    private static readonly AgentState Busy = new(AgentStateKind.Thinking, "Working");
    private static readonly AgentState ShellStopping = new(AgentStateKind.ToolRunning, "Stopping a shell command");

    /// <summary>Derives a session's agent state (and with it, through <see cref="AgentState.Status"/>, its status).</summary>
    /// <param name="facts">What the transcript says.</param>
    /// <param name="context">The time, the process table and the live report.</param>
    /// <returns>The agent state at <see cref="SessionContext.Now"/>.</returns>
    public static AgentState Evaluate(SessionFacts facts, SessionContext context)
    {
        ArgumentNullException.ThrowIfNull(facts);
        StatusThresholds thresholds = context.Thresholds ?? StatusThresholds.Default;
        AgentState transcript = facts.TranscriptState;
        DateTimeOffset lastLine = facts.LastActivityAt ?? DateTimeOffset.MinValue;
        TimeSpan quiet = facts.LastActivityAt is { } last ? context.Now - last : TimeSpan.Zero;

        LiveStatusEntry? live = context.LiveStatus;
        bool alive = live is not null || context.Process == ProcessPresence.Alive;

        if (live is not null && (live.UpdatedAt ?? DateTimeOffset.MinValue) >= lastLine)
        {
            switch (live.State)
            {
                case LiveReportState.WaitingForUser:
                    return new AgentState(
                        AgentStateKind.AwaitingPermission,
                        live.WaitingFor is { Length: > 0 } what ? $"Waiting for you: {what}" : "Waiting for permission");
                case LiveReportState.Working when transcript.Status != SessionStatus.Working:
                    return Busy;
                case LiveReportState.Idle when transcript.Status == SessionStatus.Working:
                    return Resumed;
                case LiveReportState.RunningCommand:
                    return ShellStopping;
            }
        }

        if (transcript.Kind == AgentStateKind.SessionEnded)
        {
            return alive ? Resumed : transcript;
        }

        // A gone process whose turn was over has nothing left to write: done at once. One that looked busy gets the
        // quiet period, for the last lines a client writes as it exits.
        if (!alive &&
            ((context.Process == ProcessPresence.Gone && (quiet >= thresholds.QuietAfter || transcript.Status != SessionStatus.Working)) ||
             (context.Process == ProcessPresence.Unknown && quiet >= thresholds.DoneAfter)))
        {
            return Ended;
        }

        // A tool process of the session running means the call was let through: it runs, it does not wait.
        if (transcript.Kind == AgentStateKind.ToolRunning && facts.PendingApproval is { } subject && quiet >= thresholds.ApprovalQuiet
            && !context.ToolProcessRunning)
        {
            return new AgentState(AgentStateKind.AwaitingPermission, $"Waiting for approval: {subject}");
        }

        return transcript.Status == SessionStatus.Working && alive && quiet >= thresholds.StaleAfter
            ? new AgentState(AgentStateKind.Idle, $"No activity for {(int)quiet.TotalMinutes} min")
            : transcript;
    }
}
