using AgentLive.Sources;

namespace AgentLive.State;

/// <summary>
/// Weighs what a transcript says against time, the process table and the agent's live report. A pure function, so
/// every rule is tested with fixed inputs and no clock. Each state it returns says what it rests on
/// (<see cref="AgentState.Evidence"/>).
/// </summary>
/// <remarks>
/// The rules, first match wins:
/// <list type="number">
/// <item>An agent's live report that is newer than the transcript's last line, from a live process, wins:
/// a question, a permission or plan dialog (the only place one is visible while it shows), working is work, idle ends
/// any apparent work, a command still running after the turn is a background task.</item>
/// <item>A transcript that says the session ended, with a live process, is a resumed session waiting for its prompt.</item>
/// <item>A gone process whose turn was over, a gone process after <see cref="StatusThresholds.QuietAfter"/> of quiet,
/// or no known process after <see cref="StatusThresholds.DoneAfter"/>, means done.</item>
/// <item>A tool call that probably needs approval (<see cref="SessionFacts.PendingApproval"/>), unanswered for
/// <see cref="StatusThresholds.ApprovalQuiet"/>: a tool process of the session running means it runs; none running
/// means a permission wait; with no process table to ask, the monitor cannot tell and says so.</item>
/// <item>A live process that looks busy with no new line for <see cref="StatusThresholds.StaleAfter"/> is idle
/// (a background task excepted: a dev server may run for hours without a line).</item>
/// <item>Otherwise the transcript's state stands.</item>
/// </list>
/// </remarks>
internal static class SessionStatusRules
{
    public static AgentState Evaluate(SessionFacts facts, SessionContext context)
    {
        ArgumentNullException.ThrowIfNull(facts);
        StatusThresholds thresholds = context.Thresholds ?? StatusThresholds.Default;
        AgentState transcript = facts.TranscriptState.Evidence == StateEvidence.None
            ? facts.TranscriptState with { Evidence = StateEvidence.Transcript }
            : facts.TranscriptState;
        DateTimeOffset lastLine = facts.LastActivityAt ?? DateTimeOffset.MinValue;
        TimeSpan quiet = facts.LastActivityAt is { } last ? context.Now - last : TimeSpan.Zero;

        LiveStatusEntry? live = context.LiveStatus;
        bool alive = live is not null || context.Process == ProcessPresence.Alive;
        StateEvidence presence = live is not null ? StateEvidence.LiveReport : StateEvidence.ProcessTree;

        if (live is not null && (live.UpdatedAt ?? DateTimeOffset.MinValue) >= lastLine && FromLiveReport(live, facts, transcript) is { } reported)
        {
            return reported;
        }

        if (transcript.Kind == AgentStateKind.SessionEnded)
        {
            return alive ? new AgentState(AgentStateKind.Idle, "Waiting for a prompt", transcript.Evidence | presence) : transcript;
        }

        // A gone process whose turn was over has nothing left to write: done at once. One that looked busy gets the
        // quiet period, for the last lines a client writes as it exits.
        if (!alive && context.Process == ProcessPresence.Gone && (transcript.Status != SessionStatus.Working || quiet >= thresholds.QuietAfter))
        {
            return new AgentState(
                AgentStateKind.SessionEnded,
                "Session ended",
                StateEvidence.ProcessTree | (transcript.Status == SessionStatus.Working ? StateEvidence.Time : StateEvidence.Transcript));
        }

        if (!alive && context.Process == ProcessPresence.Unknown && quiet >= thresholds.DoneAfter)
        {
            return new AgentState(AgentStateKind.SessionEnded, "Session ended", StateEvidence.Time);
        }

        if (transcript.Kind == AgentStateKind.ToolRunning && facts.PendingApproval is { } subject && quiet >= thresholds.ApprovalQuiet)
        {
            // A tool process of the session running means the call was let through: it runs, it does not wait. With no
            // process table the two look the same, so the monitor shows neither.
            return context.ToolProcessRunning
                ? transcript with { Evidence = transcript.Evidence | StateEvidence.ProcessTree }
                : context.Process == ProcessPresence.Unknown
                    ? new AgentState(AgentStateKind.Unknown, $"Running, or waiting for your approval: {subject}", StateEvidence.Transcript | StateEvidence.Time)
                    : new AgentState(AgentStateKind.AwaitingPermission, $"Waiting for approval: {subject}", StateEvidence.Transcript | StateEvidence.ProcessTree | StateEvidence.Time);
        }

        if (transcript.Status == SessionStatus.Working && transcript.Kind != AgentStateKind.BackgroundTask && alive && quiet >= thresholds.StaleAfter)
        {
            return new AgentState(AgentStateKind.Idle, $"No activity for {(int)quiet.TotalMinutes} min", StateEvidence.Time | presence);
        }

        return transcript;
    }

    /// <summary>What a fresh live report says, or <see langword="null"/> when it adds nothing to the transcript's state.</summary>
    private static AgentState? FromLiveReport(LiveStatusEntry live, SessionFacts facts, AgentState transcript)
    {
        StateEvidence both = transcript.Evidence | StateEvidence.LiveReport;
        bool transcriptWaits = transcript.Kind is AgentStateKind.AwaitingInput or AgentStateKind.AwaitingPermission or AgentStateKind.PlanReview;
        switch (live.State)
        {
            // The transcript may already name the dialog (the tool call that opened it); then its words are better.
            case LiveReportState.WaitingForAnswer or LiveReportState.WaitingForPermission or LiveReportState.WaitingForUser when transcriptWaits:
                return transcript with { Evidence = both };
            case LiveReportState.WaitingForAnswer:
                return new AgentState(AgentStateKind.AwaitingInput, "Waiting for your answer", StateEvidence.LiveReport);
            case LiveReportState.WaitingForPermission when facts.ProposedPlan is { } plan:
                return new AgentState(AgentStateKind.PlanReview, $"Plan to review: {plan}", both);
            case LiveReportState.WaitingForPermission:
                return new AgentState(AgentStateKind.AwaitingPermission, "Waiting for permission", StateEvidence.LiveReport);
            case LiveReportState.WaitingForUser:
                return new AgentState(
                    AgentStateKind.AwaitingPermission,
                    live.WaitingFor is { Length: > 0 } what ? $"Waiting for you: {what}" : "Waiting for you",
                    StateEvidence.LiveReport);
            case LiveReportState.Working when transcript.Status != SessionStatus.Working:
                return new AgentState(AgentStateKind.Thinking, "Working", StateEvidence.LiveReport);
            case LiveReportState.Idle when transcript.Status == SessionStatus.Working:
                return new AgentState(AgentStateKind.Idle, "Waiting for a prompt", StateEvidence.LiveReport);
            case LiveReportState.RunningCommand when transcript.Kind is AgentStateKind.BackgroundTask or AgentStateKind.ToolRunning:
                return transcript with { Evidence = both };
            case LiveReportState.RunningCommand:
                return new AgentState(AgentStateKind.BackgroundTask, "Running a command in the background", StateEvidence.LiveReport);
            default:
                return null;
        }
    }
}
