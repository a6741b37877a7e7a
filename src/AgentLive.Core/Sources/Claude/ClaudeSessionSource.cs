using AgentLive.Sources.Claude;
using Microsoft.Extensions.Logging;

namespace AgentLive.Sources;

/// <summary>Claude Code sessions: <c>&lt;root&gt;/projects/&lt;encoded-cwd&gt;/&lt;session&gt;.jsonl</c>.</summary>
/// <remarks>
/// <para>
/// Sub-agent transcripts (Claude Code 2.1.2 and later) are <c>&lt;session&gt;/subagents/agent-&lt;id&gt;.jsonl</c> beside the
/// parent's transcript. The 2.0.x layout, <c>agent-&lt;id&gt;.jsonl</c> directly in the project folder, names no parent in
/// its path and is ignored.
/// </para>
/// <para>
/// The project folder's name encodes the working directory lossily; the working directory is taken from the lines
/// instead. While a Claude Code 2.1 process runs it keeps <c>&lt;root&gt;/sessions/&lt;pid&gt;.json</c>: the only place a
/// permission dialog is visible, read by <see cref="ReadLiveStatusAsync"/>.
/// </para>
/// </remarks>
public sealed class ClaudeSessionSource : ISessionSource
{
    /// <summary>The source's name: <c>claude</c>.</summary>
    public const string SourceName = "claude";

    /// <summary>Creates the source.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    public ClaudeSessionSource(ClaudeSourceOptions? options = null)
    {
        Roots = options?.Roots is { Count: > 0 } roots
            ? [.. roots.Select(Path.GetFullPath)]
            : DefaultRoots(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
    }

    /// <inheritdoc/>
    public string Name => SourceName;

    /// <inheritdoc/>
    public IReadOnlyList<string> Roots { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> GetTranscriptDirectories(string root) => [Path.Combine(root, "projects")];

    /// <inheritdoc/>
    public bool TryGetSessionFile(string path, out SessionFile file)
    {
        file = default;
        if (!path.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            return false;
        }

        string stem = Path.GetFileNameWithoutExtension(path);
        string? folder = Path.GetDirectoryName(path);
        if (folder is null)
        {
            return false;
        }

        // <enc>/<session>/subagents/agent-<id>.jsonl
        if (Path.GetFileName(folder) == "subagents" && stem.StartsWith("agent-", StringComparison.Ordinal))
        {
            string? sessionFolder = Path.GetDirectoryName(folder);
            string? projects = sessionFolder is null ? null : Path.GetDirectoryName(Path.GetDirectoryName(sessionFolder));
            if (sessionFolder is null || projects is null || Path.GetFileName(projects) != "projects")
            {
                return false;
            }

            file = new SessionFile(path, SessionFileKind.SubAgent, Path.GetFileName(sessionFolder), stem["agent-".Length..]);
            return true;
        }

        // <root>/projects/<enc>/<session>.jsonl
        if (stem.StartsWith("agent-", StringComparison.Ordinal) || Path.GetFileName(Path.GetDirectoryName(folder)) != "projects")
        {
            return false;
        }

        file = new SessionFile(path, SessionFileKind.Main, stem);
        return true;
    }

    /// <inheritdoc/>
    public AgentProcessRole ClassifyProcess(ProcessInfo process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return ClaudeProcessClassifier.Classify(process);
    }

    /// <inheritdoc/>
    public string? SessionIdOfToolProcess(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.GetValueOrDefault("CLAUDE_CODE_SESSION_ID");
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Claude Code names a sub-agent's transcript <c>agent-&lt;id&gt;.jsonl</c>, and the parent learns that id only from the
    /// sub-agent's progress or result: until then, the transcripts left over are paired with the spawns left over in
    /// the order both started. A sub-agent launched in the background is running once its transcript shows it at work,
    /// and finished once its transcript's turn ended; while the session delegates to one, the sub-agent's current call
    /// is the session's activity.
    /// </remarks>
    public SessionFacts CombineSubAgents(SessionFacts session, IReadOnlyList<SubAgentTranscript> subAgents)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(subAgents);
        var spawns = session.SubAgents.ToList();
        List<SubAgentTranscript> unmatched = [.. subAgents.Where(t => !spawns.Exists(a => a.AgentId == t.File.AgentId))];
        int[] waiting = [.. Enumerable.Range(0, spawns.Count).Where(i => spawns[i].AgentId is null)];
        for (int i = 0; i < Math.Min(unmatched.Count, waiting.Length); i++)
        {
            spawns[waiting[i]] = spawns[waiting[i]] with { AgentId = unmatched[i].File.AgentId };
        }

        for (int i = 0; i < spawns.Count; i++)
        {
            SubAgentInfo spawn = spawns[i];
            if (spawn.Status is SubAgentStatus.Launched or SubAgentStatus.Running && subAgents.FirstOrDefault(t => t.File.AgentId == spawn.AgentId) is { } own)
            {
                AgentState state = own.Facts.TranscriptState;
                spawns[i] = spawn with
                {
                    Status = state.Kind == AgentStateKind.TaskComplete ? SubAgentStatus.Completed
                        : state.Status == SessionStatus.Working ? SubAgentStatus.Running
                        : spawn.Status,
                };
            }
        }

        return SubAgentMerge.Combine(session with { SubAgents = spawns }, subAgents);
    }

    /// <inheritdoc/>
    public ISessionMessageReader CreateMessageReader() => new ClaudeMessageReader();

    /// <inheritdoc/>
    public ISessionTracker CreateTracker(SessionFile file, ILogger logger) => new ClaudeSessionTracker(file, logger);

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<LiveStatusEntry>> ReadLiveStatusAsync(CancellationToken cancellationToken)
    {
        var entries = new List<LiveStatusEntry>();
        foreach (string root in Roots)
        {
            string folder = Path.Combine(root, "sessions");
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (string path in Directory.EnumerateFiles(folder, "*.json"))
            {
                if (await ClaudeLiveStatusFile.ReadAsync(path, cancellationToken).ConfigureAwait(false) is { } entry)
                {
                    entries.Add(entry);
                }
            }
        }

        return entries;
    }

    internal static IReadOnlyList<string> DefaultRoots(Func<string, string?> environment, string home)
    {
        var roots = new List<string>();
        if (environment("CLAUDE_CONFIG_DIR") is { Length: > 0 } configured)
        {
            roots.AddRange(configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Path.GetFullPath));
        }
        else
        {
            roots.Add(Path.Combine(home, ".claude"));
        }

        string xdg = environment("XDG_CONFIG_HOME") is { Length: > 0 } config ? config : Path.Combine(home, ".config");
        string xdgClaude = Path.Combine(xdg, "claude");
        if (Directory.Exists(xdgClaude) && !roots.Contains(xdgClaude, StringComparer.Ordinal))
        {
            roots.Add(xdgClaude);
        }

        return roots;
    }
}
