using AgentLive.Sources;
using AgentLive.State;

namespace AgentLive.Monitoring;

/// <summary>Turns a session's files' facts (combined by its source), the live status and the time into its <see cref="LiveSession"/>.</summary>
internal static class SessionSnapshots
{
    public static LiveSession Build(
        string key,
        TrackedFile main,
        IReadOnlyList<TrackedFile> files,
        LiveStatusEntry? live,
        ProcessInfo? process,
        bool processAbsent,
        bool toolRunning,
        DateTimeOffset now,
        StatusThresholds thresholds)
    {
        SessionFacts facts = main.Facts!;
        ProcessPresence presence = process is not null || live is not null ? ProcessPresence.Alive
            : processAbsent ? ProcessPresence.Gone
            : ProcessPresence.Unknown;

        // Sub-agents first: a parent whose own turn is over may still be working through them.
        SubAgentTranscript[] subAgents =
        [
            .. files.Where(f => f.File.Kind == SessionFileKind.SubAgent)
                .OrderBy(f => f.Facts!.StartedAt)
                .Select(f => new SubAgentTranscript { File = f.File, Facts = f.Facts! }),
        ];
        facts = main.Source.CombineSubAgents(facts, subAgents);
        AgentState state = SessionStatusRules.Evaluate(facts, new SessionContext(now, presence, live, thresholds, toolRunning));

        string? project = facts.ProjectPath;
        return new LiveSession
        {
            Id = key,
            Source = main.Source.Name,
            SourceSessionId = facts.SourceSessionId ?? main.File.SessionId,
            FilePath = main.File.Path,
            ProjectPath = project,
            ProjectName = ProjectNameOf(project),
            GitBranch = facts.GitBranch,
            State = state,
            Title = facts.Title,
            LastUserMessage = facts.LastUserMessage,
            Activity = ActivityOf(state, facts),
            TurnCount = facts.TurnCount,
            Model = facts.Model,
            Tokens = facts.Tokens,
            ContextWindowTokens = facts.ContextWindowTokens,
            ContextWindowSize = facts.ContextWindowSize,
            CostUsd = facts.CostUsd,
            StartedAt = facts.StartedAt,
            LastActivityAt = facts.LastActivityAt,
            Pid = process?.Pid ?? live?.Pid,
            ParentSessionId = facts.ParentSessionId,
            SubAgents = facts.SubAgents,
        };
    }

    /// <summary>A short display name for a working directory: its last segment (the whole path for a root).</summary>
    public static string? ProjectNameOf(string? project) =>
        project is null ? null : Path.GetFileName(project.TrimEnd('/', '\\')) is { Length: > 0 } name ? name : project;

    /// <summary>
    /// What the agent acts on, while it works or while it waits for the user to answer about it (the command to allow,
    /// the question, the plan); after a turn it acts on nothing.
    /// </summary>
    internal static AgentActivity? ActivityOf(AgentState state, SessionFacts facts) => state.Kind switch
    {
        AgentStateKind.PlanReview => facts.Activity ?? (facts.ProposedPlan is { } plan ? new AgentActivity { Description = plan } : null),
        AgentStateKind.AwaitingInput or AgentStateKind.AwaitingPermission or AgentStateKind.Unknown => facts.Activity,
        _ => state.Status == SessionStatus.Working ? facts.Activity : null,
    };
}
