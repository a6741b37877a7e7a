using AgentLive.Sources;

namespace AgentLive.Processes;

/// <summary>
/// Matches sessions to their agents' processes, best evidence first, each process to at most one session:
/// <list type="number">
/// <item>a pid the agent itself reported for the session (Claude Code's live status file);</item>
/// <item>an agent process holding the session's transcript open (Codex <c>exec</c>);</item>
/// <item>an agent whose command line names the session (<c>claude --resume &lt;id&gt;</c>, <c>codex resume &lt;id&gt;</c>);</item>
/// <item>an agent in the session's working directory that started before the session's first line — the latest such,
/// so two agents in one directory each get their own session.</item>
/// </list>
/// A pure function of its inputs, tested on the recorded process tables of the real clients.
/// </summary>
internal static class ProcessMatcher
{
    /// <summary>Process start times come from the kernel, line times from the agent: allow for clock rounding.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);

    public static ProcessMatches Match(
        IReadOnlyList<SessionCandidate> sessions,
        IReadOnlyList<AgentProcess> agents,
        IReadOnlyDictionary<string, int> reported,
        Func<int, IReadOnlyList<string>> openFiles,
        bool workingDirectoriesKnown)
    {
        var matched = new Dictionary<string, ProcessInfo>(StringComparer.Ordinal);
        var taken = new HashSet<int>();

        void Take(SessionCandidate session, ProcessInfo process)
        {
            matched[session.Key] = process;
            taken.Add(process.Pid);
        }

        IEnumerable<ProcessInfo> Free(SessionCandidate session) =>
            agents.Where(a => a.Source == session.Source && !taken.Contains(a.Process.Pid)).Select(a => a.Process);

        foreach (SessionCandidate session in sessions)
        {
            if (reported.TryGetValue(session.Key, out int pid) && Free(session).FirstOrDefault(p => p.Pid == pid) is { } process)
            {
                Take(session, process);
            }
        }

        var files = new Dictionary<int, IReadOnlyList<string>>();
        foreach (SessionCandidate session in sessions.Where(s => !matched.ContainsKey(s.Key)))
        {
            ProcessInfo? holder = Free(session).FirstOrDefault(p =>
                (files.TryGetValue(p.Pid, out IReadOnlyList<string>? open) ? open : files[p.Pid] = openFiles(p.Pid))
                .Contains(session.TranscriptPath, StringComparer.Ordinal));
            if (holder is not null)
            {
                Take(session, holder);
            }
        }

        foreach (SessionCandidate session in sessions.Where(s => !matched.ContainsKey(s.Key) && s.SessionId is not null))
        {
            if (Free(session).FirstOrDefault(p => p.CommandLine.Skip(1).Contains(session.SessionId, StringComparer.Ordinal)) is { } resumer)
            {
                Take(session, resumer);
            }
        }

        foreach (SessionCandidate session in sessions.Where(s => !matched.ContainsKey(s.Key) && s.ProjectPath is not null).OrderByDescending(s => s.StartedAt))
        {
            ProcessInfo[] here = [.. Free(session).Where(p => SameDirectory(p.WorkingDirectory, session.ProjectPath))];
            ProcessInfo? chosen = here
                .Where(p => p.StartTime is { } started && session.StartedAt is { } first && started <= first + Slack)
                .MaxBy(p => p.StartTime);
            chosen ??= here.Length == 1 && (here[0].StartTime is null || session.StartedAt is null) ? here[0] : null;
            if (chosen is not null)
            {
                Take(session, chosen);
            }
        }

        // Where working directories are known, a session with no agent of its source in its directory has no process.
        var absent = new HashSet<string>(StringComparer.Ordinal);
        if (workingDirectoriesKnown)
        {
            foreach (SessionCandidate session in sessions.Where(s => !matched.ContainsKey(s.Key) && s.ProjectPath is not null))
            {
                if (!agents.Any(a => a.Source == session.Source && SameDirectory(a.Process.WorkingDirectory, session.ProjectPath)))
                {
                    absent.Add(session.Key);
                }
            }
        }

        return new ProcessMatches(matched, absent);
    }

    private static bool SameDirectory(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.TrimEnd('/', '\\'), b.TrimEnd('/', '\\'), StringComparison.Ordinal);
}

/// <summary>A session as the matcher needs it.</summary>
internal readonly record struct SessionCandidate(string Key, string Source, string TranscriptPath, string? SessionId, string? ProjectPath, DateTimeOffset? StartedAt);

/// <summary>A process a source classified as its agent.</summary>
internal readonly record struct AgentProcess(ProcessInfo Process, string Source);

/// <summary>The matcher's answer: each matched session's process, and the sessions proven to have none.</summary>
internal sealed record ProcessMatches(IReadOnlyDictionary<string, ProcessInfo> Matched, IReadOnlySet<string> Absent)
{
    /// <summary>Gets the sessions one of whose tool processes runs (looked for only where an approval wait is in question).</summary>
    public IReadOnlySet<string> ToolRunning { get; init; } = new HashSet<string>();

    /// <summary>Gets the agent processes that no session's transcript belongs to.</summary>
    public IReadOnlyList<UnrecordedAgent> Unrecorded { get; init; } = [];

    /// <summary>The process of a session: the one its transcript was matched to, or the unrecorded agent that is the session.</summary>
    public ProcessInfo? ProcessOf(string sessionKey) =>
        Matched.GetValueOrDefault(sessionKey) ?? Unrecorded.FirstOrDefault(a => a.Key == sessionKey)?.Process;

    public static ProcessMatches None { get; } = new(new Dictionary<string, ProcessInfo>(), new HashSet<string>());
}
