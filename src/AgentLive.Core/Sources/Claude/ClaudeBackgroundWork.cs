namespace AgentLive.Sources.Claude;

/// <summary>
/// The work a Claude Code session left running in the background: sub-agents launched with the Agent tool
/// (<c>toolUseResult.status: "async_launched"</c>, the default in 2.1.3xx) and shells started by Bash with
/// <c>run_in_background</c> (<c>toolUseResult.backgroundTaskId</c>). Each is outstanding until the
/// <c>&lt;task-notification&gt;</c> that names it, or until the session ends.
/// </summary>
/// <remarks>
/// While the parent's own turn is over, such work means the session still works and resumes by itself: a sub-agent
/// makes it <see cref="AgentStateKind.Delegating"/>, a shell <see cref="AgentStateKind.BackgroundTask"/>.
/// </remarks>
internal sealed class ClaudeBackgroundWork
{
    private readonly List<Work> _tasks = [];

    public bool IsEmpty => _tasks.Count == 0;

    /// <summary>A sub-agent started in the background by the Agent call <paramref name="toolUseId"/>.</summary>
    public void AddAgent(string toolUseId, string? agentId, AgentActivity activity) =>
        Add(new Work(toolUseId, agentId, IsAgent: true, activity));

    /// <summary>A shell left running by the Bash call <paramref name="toolUseId"/>, with the task id its result named.</summary>
    public void AddShell(string toolUseId, string taskId, AgentActivity activity) =>
        Add(new Work(toolUseId, taskId, IsAgent: false, activity));

    /// <summary>The task a notification names (by its call's id, or by its own id) ended.</summary>
    public void Finish(string? toolUseId, string? taskId) =>
        _tasks.RemoveAll(t => (toolUseId is not null && t.ToolUseId == toolUseId) || (taskId is not null && t.TaskId == taskId));

    public void Clear() => _tasks.Clear();

    /// <summary>
    /// What the session does while its own turn is over: the latest background sub-agent's task, else the latest
    /// background shell; <see langword="null"/> when nothing runs in the background.
    /// </summary>
    public (AgentState State, AgentActivity Activity)? Describe()
    {
        int agent = _tasks.FindLastIndex(t => t.IsAgent);
        if (agent >= 0)
        {
            AgentActivity delegated = _tasks[agent].Activity;
            return (new AgentState(AgentStateKind.Delegating, $"Delegating: {delegated.Description ?? delegated.Display}"), delegated);
        }

        if (_tasks.Count == 0)
        {
            return null;
        }

        AgentActivity shell = _tasks[^1].Activity;
        return (new AgentState(AgentStateKind.BackgroundTask, $"Running in the background: {shell.Target ?? shell.Display}"), shell);
    }

    private void Add(Work task)
    {
        // A call is launched once; a repeated result line (a resumed transcript) must not count it twice.
        Finish(task.ToolUseId, taskId: null);
        _tasks.Add(task);
    }

    private readonly record struct Work(string ToolUseId, string? TaskId, bool IsAgent, AgentActivity Activity);
}
