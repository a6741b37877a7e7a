namespace AgentLive.State;

/// <summary>
/// A running agent's own report of its state, where the agent keeps one (Claude Code's <c>sessions/&lt;pid&gt;.json</c>).
/// </summary>
/// <param name="Pid">The agent's process id.</param>
/// <param name="SessionId">The session the process works on, in the agent's own id space.</param>
/// <param name="Status">The agent's status word: <c>busy</c>, <c>idle</c>, <c>waiting</c>, <c>shell</c>, or <see langword="null"/> before the first report.</param>
/// <param name="WaitingFor">What it waits for when <paramref name="Status"/> is <c>waiting</c>, such as <c>dialog open</c>.</param>
/// <param name="UpdatedAt">When the status was last written.</param>
/// <param name="Cwd">The process's working directory.</param>
/// <param name="IsProcessAlive">Whether a process with that pid and start time still runs (a crash leaves a stale file).</param>
public sealed record LiveStatusEntry(
    int Pid,
    string SessionId,
    string? Status,
    string? WaitingFor,
    DateTimeOffset? UpdatedAt,
    string? Cwd,
    bool IsProcessAlive);
