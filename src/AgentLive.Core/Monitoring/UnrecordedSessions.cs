using AgentLive.Processes;
using AgentLive.Sources;

namespace AgentLive.Monitoring;

/// <summary>
/// Turns an agent process with no transcript into its session: <see cref="AgentStateKind.NotRecorded"/>, since the
/// monitor cannot see what it does, with what its live report says where it keeps one.
/// </summary>
internal static class UnrecordedSessions
{
    /// <summary>The state's label when nothing but the process table speaks for the agent.</summary>
    public const string NoTranscript = "No transcript: the agent runs but writes none";

    /// <summary>Builds the session, or returns <see langword="null"/> while the agent is within <see cref="StatusThresholds.NotRecordedAfter"/> of its start.</summary>
    public static LiveSession? Build(UnrecordedAgent agent, LiveStatusEntry? live, DateTimeOffset now, StatusThresholds thresholds)
    {
        // A fresh client writes its first line with the first prompt: not yet is not "not recorded".
        if (now - agent.Since < thresholds.NotRecordedAfter)
        {
            return null;
        }

        string? project = live?.Cwd ?? agent.Process.WorkingDirectory;
        return new LiveSession
        {
            Id = agent.Key,
            Source = agent.Source,
            SourceSessionId = agent.Key[(agent.Source.Length + 1)..],
            FilePath = string.Empty,
            ProjectPath = project,
            ProjectName = SessionSnapshots.ProjectNameOf(project),
            State = StateOf(live),
            StartedAt = agent.Process.StartTime,
            Pid = agent.Process.Pid,
        };
    }

    private static AgentState StateOf(LiveStatusEntry? live) =>
        live is not null && Reported(live) is { } words
            ? new AgentState(AgentStateKind.NotRecorded, $"Not recorded — the agent reports: {words}", StateEvidence.ProcessTree | StateEvidence.LiveReport)
            : new AgentState(AgentStateKind.NotRecorded, NoTranscript, StateEvidence.ProcessTree | (live is null ? StateEvidence.None : StateEvidence.LiveReport));

    private static string? Reported(LiveStatusEntry live) => live.State switch
    {
        LiveReportState.Working => "working",
        LiveReportState.Idle => "waiting for a prompt",
        LiveReportState.WaitingForAnswer => "waiting for an answer",
        LiveReportState.WaitingForPermission => "waiting for permission",
        LiveReportState.WaitingForUser => live.WaitingFor is { Length: > 0 } what ? $"waiting for {what}" : "waiting for the user",
        LiveReportState.RunningCommand => "running a command",
        _ => null,
    };
}
