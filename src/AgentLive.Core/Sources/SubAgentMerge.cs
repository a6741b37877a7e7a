namespace AgentLive.Sources;

/// <summary>
/// What every source does with sub-agent transcripts: their tokens and cost count in the parent's totals, each is
/// listed under the parent with its own tokens and activity, matched to a spawn the parent recorded by the
/// sub-agent's id where the parent knows it; a parent that delegates shows its running sub-agent's activity.
/// </summary>
internal static class SubAgentMerge
{
    public static SessionFacts Combine(SessionFacts session, IReadOnlyList<SubAgentTranscript> transcripts)
    {
        // A parent that delegates acts on what its running sub-agent acts on, whether the sub-agent's own transcript or
        // the parent's record of it says so.
        SessionFacts combined = transcripts.Count == 0 ? session : AddTranscripts(session, transcripts);
        return combined.TranscriptState.Kind == AgentStateKind.Delegating
            && combined.SubAgents.LastOrDefault(a => a.IsRunning && a.Activity is not null) is { Activity: { } current }
            ? combined with { Activity = current }
            : combined;
    }

    private static SessionFacts AddTranscripts(SessionFacts session, IReadOnlyList<SubAgentTranscript> transcripts)
    {
        TokenUsage tokens = session.Tokens;
        DateTimeOffset? lastActivity = session.LastActivityAt;
        decimal? cost = session.CostUsd;
        var subAgents = session.SubAgents.ToList();
        foreach (SubAgentTranscript transcript in transcripts)
        {
            SessionFacts facts = transcript.Facts;
            tokens += facts.Tokens;
            if (facts.LastActivityAt > lastActivity || lastActivity is null)
            {
                lastActivity = facts.LastActivityAt;
            }

            cost = cost is { } c && facts.CostUsd is { } s ? c + s : null;

            bool running = facts.TranscriptState.Status == SessionStatus.Working;
            int index = subAgents.FindIndex(a => a.AgentId == transcript.File.AgentId);
            if (index >= 0)
            {
                SubAgentInfo known = subAgents[index];
                subAgents[index] = known with
                {
                    Tokens = facts.Tokens,
                    Activity = known.IsRunning ? facts.Activity ?? known.Activity : null,
                };
            }
            else
            {
                subAgents.Add(new SubAgentInfo
                {
                    Id = $"agent-{transcript.File.AgentId}",
                    AgentId = transcript.File.AgentId,
                    Description = facts.Title,
                    Status = running ? SubAgentStatus.Running : SubAgentStatus.Completed,
                    Activity = running ? facts.Activity : null,
                    StartedAt = facts.StartedAt,
                    Tokens = facts.Tokens,
                });
            }
        }

        // A sub-agent's lines are the session's activity too: a parent that delegates is not quiet.
        return session with { Tokens = tokens, CostUsd = cost, SubAgents = subAgents, LastActivityAt = lastActivity };
    }
}
