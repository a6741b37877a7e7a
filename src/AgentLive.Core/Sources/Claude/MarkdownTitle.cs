using AgentLive.Parsing;

namespace AgentLive.Sources.Claude;

/// <summary>The title of a Markdown text: its first ATX heading (<c># Plan: add a greeting script</c>).</summary>
/// <remarks>Claude Code's plans start with one; the monitor shows it while the plan waits for review.</remarks>
internal static class MarkdownTitle
{
    /// <summary>The text of the first line that is a heading (up to three spaces, one to six <c>#</c>, a space or tab, text).</summary>
    /// <param name="utf8">The unescaped Markdown.</param>
    /// <returns>A preview of the heading's text, or <see langword="null"/> when no line is a heading.</returns>
    public static string? Of(ReadOnlySpan<byte> utf8)
    {
        while (!utf8.IsEmpty)
        {
            int end = utf8.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? utf8 : utf8[..end];
            utf8 = end < 0 ? default : utf8[(end + 1)..];
            if (HeadingText(line) is { IsEmpty: false } text)
            {
                return TextPreview.FromUtf8(text, TextPreview.ArgumentChars);
            }
        }

        return null;
    }

    private static ReadOnlySpan<byte> HeadingText(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> rest = line.TrimStart((byte)' ');
        if (line.Length - rest.Length > 3)
        {
            return default;
        }

        ReadOnlySpan<byte> text = rest.TrimStart((byte)'#');
        int hashes = rest.Length - text.Length;
        return hashes is >= 1 and <= 6 && !text.IsEmpty && text[0] is (byte)' ' or (byte)'\t'
            ? text.Trim(" \t\r"u8)
            : default;
    }
}
