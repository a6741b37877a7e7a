using System.Globalization;
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
    private volatile IReadOnlyDictionary<(int Pid, ulong StartTicks), DateTimeOffset> _firstSeen = new Dictionary<(int, ulong), DateTimeOffset>();

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

        _matches = matches with { Unrecorded = FindUnrecorded(agents, matches) };
    }

    /// <summary>Stops the agent process matched to a session, scanning first when none is matched yet.</summary>
    public async Task<StopResult> StopAsync(string sessionKey, string source, TimeSpan timeout, bool killAfterTimeout, CancellationToken cancellationToken)
    {
        if (_matches.ProcessOf(sessionKey) is null)
        {
            await ScanAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_matches.ProcessOf(sessionKey) is not { } process)
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

    /// <summary>
    /// The agents no session was matched to, each keyed by the session its live report names, if any. An agent whose
    /// report or command line names a transcript that exists but is not read (older than the look-back) is an idle
    /// session, not an unrecorded one, and is left out; one whose transcript is about to be read keeps its key, so the
    /// transcript continues its session.
    /// </summary>
    private List<UnrecordedAgent> FindUnrecorded(List<AgentProcess> agents, ProcessMatches matches)
    {
        DateTimeOffset now = _time.GetUtcNow();
        var matched = matches.Matched.Values.Select(p => p.Pid).ToHashSet();
        var reportedBy = new Dictionary<int, string>();
        foreach ((string key, LiveStatusEntry entry) in _liveStatus.Current)
        {
            reportedBy.TryAdd(entry.Pid, key);
        }

        var unmatched = agents.Where(a => !matched.Contains(a.Process.Pid)).ToList();

        // Every session an unmatched agent might be, asked of the catalog at once (one pass over its files).
        HashSet<string> dormant = _catalog.Dormant([.. unmatched.SelectMany(a => SessionsNamedBy(a, reportedBy)).Distinct(StringComparer.Ordinal)]);
        var unrecorded = new List<UnrecordedAgent>();
        var firstSeen = new Dictionary<(int, ulong), DateTimeOffset>();
        foreach (AgentProcess agent in unmatched)
        {
            (ProcessInfo process, string source) = agent;
            string? reported = reportedBy.GetValueOrDefault(process.Pid);
            if (SessionsNamedBy(agent, reportedBy).Any(dormant.Contains))
            {
                continue;
            }

            // The process's start time is the kernel's clock and the monitor's may be another (a test's): the earlier
            // of it and the first sighting bounds how long the agent has run.
            DateTimeOffset seen = _firstSeen.GetValueOrDefault((process.Pid, process.StartTicks), now);
            firstSeen[(process.Pid, process.StartTicks)] = seen;
            DateTimeOffset since = process.StartTime is { } started && started < seen ? started : seen;
            string key = reported ?? string.Create(CultureInfo.InvariantCulture, $"{source}:pid-{process.Pid}-{process.StartTicks}");
            unrecorded.Add(new UnrecordedAgent(key, source, process, since));
        }

        _firstSeen = firstSeen;
        return unrecorded;
    }

    /// <summary>The sessions an agent process names: the one its live report gives, and one per command-line argument.</summary>
    private static IEnumerable<string> SessionsNamedBy(AgentProcess agent, Dictionary<int, string> reportedBy)
    {
        if (reportedBy.TryGetValue(agent.Process.Pid, out string? reported))
        {
            yield return reported;
        }

        foreach (string arg in agent.Process.CommandLine.Skip(1))
        {
            yield return $"{agent.Source}:{arg}";
        }
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
