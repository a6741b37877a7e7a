namespace AgentLive.Sources.Claude;

/// <summary>A <c>tool_use</c> block: the call's id and name, and what its input says it acts on.</summary>
/// <param name="Id">The call id, matched by the <c>tool_use_id</c> of its result.</param>
/// <param name="Name">The tool, such as <c>Bash</c> or <c>Agent</c>.</param>
/// <param name="Target">What it acts on: a shell call's command, a file path, a pattern, a question, a sub-agent's type.</param>
/// <param name="Description">The <c>description</c> argument the model gave, where it gave one.</param>
/// <param name="AgentType">For <c>Task</c>/<c>Agent</c>: <c>input.subagent_type</c>.</param>
/// <param name="Title">
/// The first Markdown heading of an ExitPlanMode call's <c>plan</c>, else of a Write call's <c>content</c>: a plan's title.
/// </param>
internal readonly record struct ClaudeToolUse(
    string Id, string Name, string? Target, string? Description, string? AgentType, string? Title = null)
{
    /// <summary>Gets the call as data for people.</summary>
    public AgentActivity Activity => new() { Tool = Name, Target = Target, Description = Description };

    /// <summary>Gets the one phrase that says most: a sub-agent's task, otherwise what the call acts on.</summary>
    public string? Summary => Name is "Task" or "Agent" ? Description ?? Target : Target ?? Description;
}
