using AgentLive.Processes;
using AgentLive.Sources;
using AgentLive.State;

namespace AgentLive.Monitoring;

/// <summary>Turns a session's files' facts, the live status and the time into its <see cref="LiveSession"/>.</summary>
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
        ProcessPresence presence = process is not null || live is { IsProcessAlive: true } ? ProcessPresence.Alive
            : processAbsent ? ProcessPresence.Gone
            : ProcessPresence.Unknown;
        AgentState state = SessionStatusRules.Evaluate(facts, new SessionContext(now, presence, live, thresholds, toolRunning));

        TokenUsage tokens = facts.Tokens;
        decimal? cost = facts.CostUsd;
        var subAgents = facts.SubAgents.ToList();
        List<TrackedFile> subFiles = [.. files.Where(f => f.File.Kind == SessionFileKind.SubAgent).OrderBy(f => f.Facts!.StartedAt)];
        foreach (TrackedFile sub in subFiles)
        {
            tokens += sub.Facts!.Tokens;
            cost = cost is { } c && sub.Facts.CostUsd is { } s ? c + s : null;
        }

        // A spawn learns its sub-agent's id only from progress or its result: until then, the files left over are
        // paired with the spawns left over in the order both started.
        List<TrackedFile> unmatched = [.. subFiles.Where(f => !subAgents.Exists(a => a.AgentId == f.File.AgentId))];
        int[] waiting = [.. Enumerable.Range(0, subAgents.Count).Where(i => subAgents[i].AgentId is null)];
        for (int i = 0; i < Math.Min(unmatched.Count, waiting.Length); i++)
        {
            subAgents[waiting[i]] = subAgents[waiting[i]] with { AgentId = unmatched[i].File.AgentId };
        }

        foreach (TrackedFile sub in subFiles)
        {
            SessionFacts subFacts = sub.Facts!;
            bool running = subFacts.TranscriptState.Status == SessionStatus.Working;
            int index = subAgents.FindIndex(a => a.AgentId == sub.File.AgentId);
            if (index >= 0)
            {
                SubAgentInfo known = subAgents[index];
                subAgents[index] = known with
                {
                    Tokens = subFacts.Tokens,
                    Activity = known.IsRunning ? subFacts.Activity ?? known.Activity : null,
                };
            }
            else
            {
                subAgents.Add(new SubAgentInfo
                {
                    Id = $"agent-{sub.File.AgentId}",
                    AgentId = sub.File.AgentId,
                    Description = subFacts.Title,
                    Status = running ? SubAgentStatus.Running : SubAgentStatus.Completed,
                    Activity = running ? subFacts.Activity : null,
                    StartedAt = subFacts.StartedAt,
                    Tokens = subFacts.Tokens,
                });
            }
        }

        string? project = facts.ProjectPath;
        return new LiveSession
        {
            Id = key,
            Source = main.Source.Name,
            SourceSessionId = facts.SourceSessionId ?? main.File.SessionId,
            FilePath = main.File.Path,
            ProjectPath = project,
            ProjectName = project is null ? null : Path.GetFileName(project.TrimEnd('/', '\\')) is { Length: > 0 } name ? name : project,
            GitBranch = facts.GitBranch,
            State = state,
            Title = facts.Title,
            LastUserMessage = facts.LastUserMessage,
            Activity = state.Status == SessionStatus.Working ? facts.Activity : null,
            TurnCount = facts.TurnCount,
            Model = facts.Model,
            Tokens = tokens,
            ContextWindowTokens = facts.ContextWindowTokens,
            ContextWindowSize = facts.ContextWindowSize,
            CostUsd = cost,
            StartedAt = facts.StartedAt,
            LastActivityAt = facts.LastActivityAt,
            Pid = process?.Pid ?? (live is { IsProcessAlive: true } ? live.Pid : null),
            ParentSessionId = facts.ParentSessionId,
            SubAgents = subAgents,
        };
    }
}
