using AgentLive.Sources.Codex;
using Microsoft.Extensions.Logging;

namespace AgentLive.Sources;

/// <summary>Codex CLI sessions: <c>&lt;home&gt;/sessions/YYYY/MM/DD/rollout-&lt;local time&gt;-&lt;thread id&gt;.jsonl</c>.</summary>
/// <remarks>
/// <para>
/// Date folders and file names use local time (the timestamps inside are UTC); a new day's folder appears at midnight,
/// so the whole <c>sessions/</c> tree is watched. Archived rollouts move to <c>archived_sessions/</c> (a rename; the
/// thread id stays). Sub-agent and forked threads are rollouts of their own in the same tree; only their
/// <c>session_meta</c> names the parent. A sub-agent's (<c>thread_source: "subagent"</c>) says so through
/// <see cref="SessionFacts.SubAgentOf"/>, so the monitor files it under its parent; a fork stays a session of its own.
/// </para>
/// <para>
/// Liveness: Codex keeps no live status file. An interactive session runs inside a background app-server daemon that
/// holds the rollout open and outlives the terminal UI, so neither an open file nor the daemon means a user is still
/// there: only the terminal <c>codex</c> process does (see the process matching), and without one a quiet session
/// becomes done.
/// </para>
/// </remarks>
public sealed class CodexSessionSource : ISessionSource
{
    /// <summary>The source's name: <c>codex</c>.</summary>
    public const string SourceName = "codex";

    private const string Prefix = "rollout-";

    /// <summary>Creates the source.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    public CodexSessionSource(CodexSourceOptions? options = null)
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
    public IReadOnlyList<string> GetTranscriptDirectories(string root) =>
        [Path.Combine(root, "sessions"), Path.Combine(root, "archived_sessions")];

    /// <inheritdoc/>
    public bool TryGetSessionFile(string path, out SessionFile file)
    {
        file = default;
        string name = Path.GetFileName(path);
        if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            return false;
        }

        file = new SessionFile(path, SessionFileKind.Main, ThreadIdFromFileName(name));
        return true;
    }

    /// <inheritdoc/>
    public AgentProcessRole ClassifyProcess(ProcessInfo process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return CodexProcessClassifier.Classify(process.Name, process.CommandLine);
    }

    /// <inheritdoc/>
    public string? SessionIdOfToolProcess(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.GetValueOrDefault("CODEX_THREAD_ID") ?? environment.GetValueOrDefault("CODEX_SESSION_ID");
    }

    /// <inheritdoc/>
    public ISessionMessageReader CreateMessageReader() => new CodexMessageReader();

    /// <inheritdoc/>
    public ISessionTracker CreateTracker(SessionFile file, ILogger logger) => new CodexSessionTracker(file, logger);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<LiveStatusEntry>> ReadLiveStatusAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<LiveStatusEntry>>([]);

    /// <summary>The thread id at the end of a rollout's name (the <c>session_meta</c> line states it authoritatively).</summary>
    internal static string ThreadIdFromFileName(string name)
    {
        string stem = name[Prefix.Length..^".jsonl".Length];

        // rollout-2026-11-24T00-25-36-<uuid>[_<rollout id>]: the UUID is the 36 characters after the time stamp.
        const int StampLength = 20;
        if (stem.Length >= StampLength + 36)
        {
            string candidate = stem.Substring(StampLength, 36);
            if (Guid.TryParse(candidate, out _))
            {
                return candidate;
            }
        }

        return stem;
    }

    internal static IReadOnlyList<string> DefaultRoots(Func<string, string?> environment, string home) =>
        [environment("CODEX_HOME") is { Length: > 0 } configured ? Path.GetFullPath(configured) : Path.Combine(home, ".codex")];
}
