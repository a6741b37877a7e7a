using System.Text;

namespace AgentLive.Parsing;

/// <summary>Short, display-ready previews of long texts (prompts, commands).</summary>
internal static class TextPreview
{
    /// <summary>The longest preview of a prompt or message kept in a snapshot.</summary>
    public const int PromptChars = 240;

    /// <summary>The longest preview of a tool argument (a command, a path).</summary>
    public const int ArgumentChars = 120;

    public static string FromUtf8(ReadOnlySpan<byte> utf8, int maxChars)
    {
        utf8 = utf8.Trim(" \t\r\n"u8);

        // A UTF-8 character is at most 4 bytes: decoding 4 × maxChars bytes always yields enough characters.
        int take = Math.Min(utf8.Length, (maxChars * 4) + 4);
        while (take < utf8.Length && take > 0 && (utf8[take] & 0xC0) == 0x80)
        {
            take--;
        }

        string text = Encoding.UTF8.GetString(utf8[..take]);
        return Cut(text, maxChars, cut: take < utf8.Length);
    }

    public static string FromString(string text, int maxChars) => Cut(text.Trim(' ', '\t', '\r', '\n'), maxChars, cut: false);

    /// <summary>Cuts to <paramref name="maxChars"/> and folds line breaks and tabs into spaces, for one-line display.</summary>
    private static string Cut(string text, int maxChars, bool cut)
    {
        if (text.AsSpan().IndexOfAny('\n', '\r', '\t') >= 0)
        {
            text = text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
        }

        if (text.Length > maxChars)
        {
            int end = maxChars;
            if (char.IsHighSurrogate(text[end - 1]))
            {
                end--;
            }

            return string.Concat(text.AsSpan(0, end).TrimEnd(), "…");
        }

        return cut ? text + "…" : text;
    }
}
