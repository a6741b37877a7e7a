namespace AgentLive.Sources.Codex;

/// <summary>Tells what a user typed from context Codex wrapped in a user message itself.</summary>
internal static class CodexUserTextRules
{
    public static readonly InjectedTextPrefixes<CodexUserText> Prefixes = new(
        CodexUserText.Prompt,
        ("<environment_context>", CodexUserText.Injected),
        ("<user_instructions>", CodexUserText.Injected),
        ("# AGENTS.md instructions for", CodexUserText.Injected),
        ("<INSTRUCTIONS>", CodexUserText.Injected),
        ("<skill>", CodexUserText.Injected),
        ("<user_shell_command>", CodexUserText.Injected),
        ("<turn_aborted>", CodexUserText.Injected),
        ("<subagent_notification>", CodexUserText.Injected),
        ("<goal_context>", CodexUserText.Injected),
        ("<codex_internal_context", CodexUserText.Injected),
        ("<recommended_plugins>", CodexUserText.Injected),
        ("<hook_prompt", CodexUserText.Injected));
}
