using AgentLive.Processes;
using AgentLive.Sources;

namespace AgentLive.Monitoring;

/// <summary>
/// The process side of the monitor: reads the process table, matches every session to its agent's process, notices a
/// tool process of a session, and stops an agent. Liveness is judged only here, through the configured scanner.
/// </summary>
internal sealed class ProcessTracker
{
    private readonly ISessionSource[] _sources;
    private readonly IProcessScanner _scanner;
    private readonly TranscriptCatalog _catalog;
    private readonly LiveStatusPoller _liveStatus;
    private readonly TimeProvider _time;
    private volatile ProcessMatches _matches = ProcessMatches.None;

    public ProcessTracker(ISessionSource[] sources, IProcessScanner scanner, TranscriptCatalog catalog, LiveStatusPoller liveStatus, TimeProvider time)
    {
        _sources = sources;
        _scanner = scanner;
        _catalog = catalog;
        _liveStatus = liveStatus;
        _time = time;
    }

    /// <summary>Gets the matches of the last scan.</summary>
    public ProcessMatches Matches => _matches;

    /// <summary>Reads the process table and matches every session to its agent's process (off the read path).</summary>
    public async Task ScanAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ProcessInfo> all = await _scanner.ScanAsync(cancellationToken).ConfigureAwait(false);
        var agents = new List<AgentProcess>();
        foreach (ProcessInfo process in all)
        {
            if (_sources.FirstOrDefault(s => s.ClassifyProcess(process) == AgentProcessRole.Agent) is { } source)
            {
                agents.Add(new AgentProcess(process, source.Name));
            }
        }

        var sessions = _catalog.ReadFiles
            .Where(f => f.File.Kind == SessionFileKind.Main && f.Facts is not null)
            .GroupBy(f => f.SessionKey, StringComparer.Ordinal)
            .Select(g => g.MaxBy(f => f.Facts!.LastActivityAt)!)
            .Select(f => new SessionCandidate(f.SessionKey, f.Source.Name, f.File.Path, f.Facts!.SourceSessionId, f.Facts.ProjectPath, f.Facts.StartedAt))
            .ToList();
        var reported = _liveStatus.Current.ToDictionary(e => e.Key, e => e.Value.Pid, StringComparer.Ordinal);
        ProcessMatches matches = ProcessMatcher.Match(sessions, agents, reported, _scanner.OpenFiles, all.Any(p => p.WorkingDirectory is not null));

        // Only where a tool call may be waiting for approval is it worth reading environments: a tool process of the
        // session (a child of an agent or daemon, named by the variables the agent sets) shows the call runs.
        if (_catalog.ReadFiles.Any(f => f.Facts?.PendingApproval is not null))
        {
            matches = matches with { ToolRunning = FindToolSessions(all) };
        }

        _matches = matches;
    }

    /// <summary>Stops the agent process matched to a session, scanning first when none is matched yet.</summary>
    public async Task<StopResult> StopAsync(string sessionKey, string source, TimeSpan timeout, bool killAfterTimeout, CancellationToken cancellationToken)
    {
        if (!_matches.Matched.ContainsKey(sessionKey))
        {
            await ScanAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!_matches.Matched.TryGetValue(sessionKey, out ProcessInfo? process))
        {
            return new StopResult(StopOutcome.NoProcess, null, $"Session '{sessionKey}' has no live agent process.");
        }

        ISessionSource owner = _sources.First(s => s.Name == source);
        StopResult result = await new ProcessStopper(_scanner, _time).StopAsync(
            process,
            p => owner.ClassifyProcess(p) == AgentProcessRole.Agent,
            timeout,
            killAfterTimeout,
            cancellationToken).ConfigureAwait(false);
        await ScanAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private HashSet<string> FindToolSessions(IReadOnlyList<ProcessInfo> all)
    {
        var owners = all.Where(p => _sources.Any(s => s.ClassifyProcess(p) is AgentProcessRole.Agent or AgentProcessRole.Daemon)).Select(p => p.Pid).ToHashSet();

        // The environment names the agent's own session id, which the transcript states; the monitor's key may come
        // from the file name.
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (TrackedFile file in _catalog.ReadFiles.Where(f => f.File.Kind == SessionFileKind.Main && f.Facts?.SourceSessionId is not null))
        {
            keys[$"{file.Source.Name}:{file.Facts!.SourceSessionId}"] = file.SessionKey;
        }

        var sessions = new HashSet<string>(StringComparer.Ordinal);
        foreach (ProcessInfo child in all.Where(p => owners.Contains(p.ParentPid) && !owners.Contains(p.Pid)))
        {
            IReadOnlyDictionary<string, string> environment = _scanner.Environment(child.Pid);
            foreach (ISessionSource source in _sources)
            {
                if (source.SessionIdOfToolProcess(environment) is { Length: > 0 } id && keys.TryGetValue($"{source.Name}:{id}", out string? key))
                {
                    sessions.Add(key);
                }
            }
        }

        return sessions;
    }
}
