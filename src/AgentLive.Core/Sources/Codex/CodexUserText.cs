namespace AgentLive.Sources.Codex;

/// <summary>What the text of a user message is.</summary>
internal enum CodexUserText
{
    None = 0,

    /// <summary>What the user typed.</summary>
    Prompt,

    /// <summary>Context Codex put in a user message itself (environment, instructions, notifications, …).</summary>
    Injected,
}
