using Microsoft.Extensions.Logging;

namespace AgentLive.Sources;

/// <summary>
/// One kind of agent (Claude Code, Codex CLI, …): where its transcripts are, which files are sessions, and how to read
/// them. Everything specific to an agent lives behind this interface; the monitor knows none by name.
/// </summary>
public interface ISessionSource
{
    /// <summary>Gets the source's short name, such as <c>claude</c>: lower case, stable, used in session ids and JSON.</summary>
    string Name { get; }

    /// <summary>
    /// Gets the directories the source reads: those its options name, else its defaults (for example
    /// <c>$CLAUDE_CONFIG_DIR</c> or <c>~/.claude</c>). A root need not exist yet.
    /// </summary>
    IReadOnlyList<string> Roots { get; }

    /// <summary>Returns the directories under a root that hold transcripts; each is scanned and watched recursively.</summary>
    /// <param name="root">One of <see cref="Roots"/>.</param>
    /// <returns>Full paths, which need not exist yet.</returns>
    IReadOnlyList<string> GetTranscriptDirectories(string root);

    /// <summary>Decides whether a file under a transcript directory is a session transcript, and whose.</summary>
    /// <param name="path">The file's full path.</param>
    /// <param name="file">The recognised file, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> for a main or sub-agent transcript; <see langword="false"/> for anything to ignore.</returns>
    bool TryGetSessionFile(string path, out SessionFile file);

    /// <summary>Creates the tracker that keeps the state of one transcript.</summary>
    /// <param name="file">The transcript, as <see cref="TryGetSessionFile"/> recognised it.</param>
    /// <param name="logger">Where the tracker reports malformed input (once per file, not per line).</param>
    /// <returns>A new tracker with no state.</returns>
    ISessionTracker CreateTracker(SessionFile file, ILogger logger);

    /// <summary>Says what a process is to this source: its agent, a launcher, a daemon, a helper, or nothing.</summary>
    /// <param name="process">A process from the process table.</param>
    /// <returns>The process's role; only <see cref="AgentProcessRole.Agent"/> processes are matched to sessions and stopped.</returns>
    AgentProcessRole ClassifyProcess(ProcessInfo process);

    /// <summary>
    /// Names the session a tool process works for, from the variables the agent puts in its tools' environment
    /// (Claude Code: <c>CLAUDE_CODE_SESSION_ID</c>; Codex: <c>CODEX_THREAD_ID</c>), or <see langword="null"/>.
    /// A running tool process shows that a tool call runs rather than waits for approval.
    /// </summary>
    /// <param name="environment">A process's environment.</param>
    /// <returns>The session id in the source's own id space, or <see langword="null"/>.</returns>
    string? SessionIdOfToolProcess(IReadOnlyDictionary<string, string> environment);

    /// <summary>Creates a reader of a transcript's whole conversation (on demand, not on the live path).</summary>
    /// <returns>A new reader with no messages.</returns>
    ISessionMessageReader CreateMessageReader();

    /// <summary>
    /// Reads the source's own live reports of running sessions, where the agent keeps any (Claude Code's
    /// <c>sessions/&lt;pid&gt;.json</c>); a source without them returns an empty list.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// One entry per report found, stale ones of crashed processes included: the monitor checks each against its
    /// process table (<see cref="LiveStatusEntry.ProcessStartTicks"/>), and uses none when process detection is off.
    /// </returns>
    ValueTask<IReadOnlyList<LiveStatusEntry>> ReadLiveStatusAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Combines a session's own facts with those of its sub-agents' transcripts (the files
    /// <see cref="TryGetSessionFile"/> recognised as <see cref="SessionFileKind.SubAgent"/> of this session).
    /// </summary>
    /// <param name="session">What the session's own transcript says.</param>
    /// <param name="subAgents">Its sub-agents' transcripts, oldest first; empty for most sessions.</param>
    /// <returns>
    /// The session's facts with its sub-agents in: by default their tokens and cost added to the session's, and each
    /// listed under it, matched to a spawn the session recorded by the sub-agent's id, and a delegating session's
    /// activity is its running sub-agent's. A source whose transcripts pair files with spawns in another way overrides it.
    /// </returns>
    SessionFacts CombineSubAgents(SessionFacts session, IReadOnlyList<SubAgentTranscript> subAgents) => SubAgentMerge.Combine(session, subAgents);
}
