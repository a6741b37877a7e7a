using AgentLive.Parsing;

namespace AgentLive.Sources.Claude;

/// <summary>
/// Where the body of a line's attachment lies when nothing is read from it, and the text rendered from it. Claude
/// Code's attachments (prompt and file snapshots, skill and agent listings) are about half of a transcript's bytes,
/// nearly all in long escaped strings after the attachment's type, and the line repeats much of it as text in a
/// top-level <c>rendered</c> value (an array of text blocks); only a queued command's prompt is read from an
/// attachment. Cutting both before the line is tokenised spares the reader walking and validating them; the line's
/// UTF-8 is still checked whole.
/// </summary>
internal static class ClaudeAttachmentBody
{
    /// <summary>How Claude Code writes the start of a top-level attachment: its type comes first.</summary>
    private static ReadOnlySpan<byte> Start => "\"attachment\":{\"type\":\""u8;

    /// <summary>How Claude Code writes the key of the text rendered from an attachment, a few fields after it.</summary>
    private static ReadOnlySpan<byte> Rendered => ",\"rendered\":"u8;

    /// <summary>
    /// Finds, in a line whose top-level <c>attachment</c> object starts with a plain <c>type</c> whose body is not read
    /// (every type but <c>queued_command</c>, whose prompt is, and <c>plan_mode</c>, whose plan file is), the bytes
    /// from the comma after the type to the object's closing brace (excluded), and what lies inside the line's
    /// <c>rendered</c> value when one follows the attachment (empty otherwise).
    /// </summary>
    public static bool TryFind(ReadOnlySpan<byte> line, out Range body, out Range rendered)
    {
        body = rendered = default;

        // Claude Code writes the attachment third, after parentUuid and isSidechain: looking only at a line's first
        // bytes keeps the search off the long lines of every other kind (one placed later is read the usual way).
        if (!RawJson.TryFindString(line, Start, within: 256, depth: 1, out int typeOpen, out int typeClose)
            || typeClose + 1 >= line.Length || line[typeClose + 1] != (byte)',')
        {
            return false;
        }

        ReadOnlySpan<byte> type = line[(typeOpen + 1)..typeClose];
        if (type.Contains((byte)'\\') || type.SequenceEqual("queued_command"u8) || type.SequenceEqual("plan_mode"u8))
        {
            return false;
        }

        int close = RawJson.ContainerEnd(line, typeOpen - "{\"type\":"u8.Length);
        if (close < 0)
        {
            return false;
        }

        body = (typeClose + 1)..close;

        // Claude Code writes it after the attachment's type, uuid and timestamp: the search starts at the closing
        // brace, one deep, and looks no further than those few short fields.
        if (RawJson.TryFindInside(line, close + 1, depthAtFrom: 1, Rendered, within: 256, depth: 1, out Range inside))
        {
            rendered = inside;
        }

        return true;
    }
}
