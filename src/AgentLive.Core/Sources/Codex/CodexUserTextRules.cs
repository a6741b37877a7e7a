namespace AgentLive.Sources.Codex;

/// <summary>Tells what a user typed from context Codex wrapped in a user message itself.</summary>
internal static class CodexUserTextRules
{
    private static readonly byte[][] InjectedPrefixes =
    [
        "<environment_context>"u8.ToArray(),
        "<user_instructions>"u8.ToArray(),
        "# AGENTS.md instructions for"u8.ToArray(),
        "<INSTRUCTIONS>"u8.ToArray(),
        "<skill>"u8.ToArray(),
        "<user_shell_command>"u8.ToArray(),
        "<turn_aborted>"u8.ToArray(),
        "<subagent_notification>"u8.ToArray(),
        "<goal_context>"u8.ToArray(),
        "<codex_internal_context"u8.ToArray(),
        "<recommended_plugins>"u8.ToArray(),
        "<hook_prompt"u8.ToArray(),
    ];

    private static readonly string[] InjectedPrefixStrings = [.. InjectedPrefixes.Select(p => System.Text.Encoding.UTF8.GetString(p))];

    public static CodexUserText Classify(ReadOnlySpan<byte> text)
    {
        text = text.TrimStart(" \t\r\n"u8);
        foreach (byte[] prefix in InjectedPrefixes)
        {
            if (text.StartsWith(prefix))
            {
                return CodexUserText.Injected;
            }
        }

        return CodexUserText.Prompt;
    }

    public static CodexUserText Classify(string text)
    {
        ReadOnlySpan<char> trimmed = text.AsSpan().TrimStart(" \t\r\n");
        foreach (string prefix in InjectedPrefixStrings)
        {
            if (trimmed.StartsWith(prefix, StringComparison.Ordinal))
            {
                return CodexUserText.Injected;
            }
        }

        return CodexUserText.Prompt;
    }
}
