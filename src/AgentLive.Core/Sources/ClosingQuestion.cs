using AgentLive.Parsing;

namespace AgentLive.Sources;

/// <summary>
/// The question a model's text ends with, if it ends with one: a turn over whose last words ask the user something
/// waits for the user's answer, not for a new task. Every source's replies are read the same way.
/// </summary>
internal static class ClosingQuestion
{
    /// <summary>
    /// The last sentence of a text that ends with a question mark: from the last line break, or the last <c>.</c>,
    /// <c>!</c> or <c>?</c> followed by a space or tab, to the end. Allocates only for such a text.
    /// </summary>
    /// <param name="utf8">The unescaped text.</param>
    /// <param name="maxChars">The longest preview to keep.</param>
    /// <returns>A preview of the question, or <see langword="null"/> when the text does not end with one.</returns>
    public static string? Of(ReadOnlySpan<byte> utf8, int maxChars)
    {
        ReadOnlySpan<byte> text = utf8.TrimEnd(" \t\r\n"u8);
        if (text.IsEmpty || text[^1] != (byte)'?')
        {
            return null;
        }

        int start = 0;
        for (int i = text.Length - 2; i >= 0; i--)
        {
            if (text[i] == (byte)'\n' || (text[i] is (byte)'.' or (byte)'!' or (byte)'?' && text[i + 1] is (byte)' ' or (byte)'\t'))
            {
                start = i + 1;
                break;
            }
        }

        return TextPreview.FromUtf8(text[start..], maxChars);
    }
}
