using AgentLive.Parsing;

namespace AgentLive.Sources.Codex;

/// <summary>
/// The question a model's final answer ends with, if it ends with one: a turn over whose answer asks the user something
/// waits for the user's answer, not for a new task.
/// </summary>
internal static class CodexClosingQuestion
{
    /// <summary>The message's last sentence when the message ends with a question mark; otherwise <see langword="null"/>.</summary>
    public static string? Of(string message)
    {
        string text = message.TrimEnd();
        if (!text.EndsWith('?'))
        {
            return null;
        }

        int start = 0;
        for (int i = text.Length - 2; i >= 0; i--)
        {
            if (text[i] == '\n' || (text[i] is '.' or '!' or '?' && char.IsWhiteSpace(text[i + 1])))
            {
                start = i + 1;
                break;
            }
        }

        return TextPreview.FromString(text[start..], TextPreview.PromptChars);
    }
}
