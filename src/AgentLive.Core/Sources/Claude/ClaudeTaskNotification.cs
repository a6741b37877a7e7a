using System.Text;

namespace AgentLive.Sources.Claude;

/// <summary>
/// Reads the user line Claude Code writes when a background agent or shell finishes:
/// <c>&lt;task-notification&gt;&lt;task-id&gt;…&lt;/task-id&gt;&lt;tool-use-id&gt;…&lt;/tool-use-id&gt;&lt;status&gt;completed&lt;/status&gt;…</c>.
/// </summary>
internal static class ClaudeTaskNotification
{
    /// <summary>Reads the task id, the id of the tool call that started it, and its status from the unescaped text.</summary>
    /// <returns>Nothing; the value only lets the method serve as <see cref="Parsing.JsonValues.Unescaped{TState, TResult}"/>'s callback.</returns>
    public static bool Read(ReadOnlySpan<byte> text, ClaudeLine into)
    {
        into.NotificationTaskId = Tag(text, "<task-id>"u8, "</task-id>"u8);
        into.NotificationToolUseId = Tag(text, "<tool-use-id>"u8, "</tool-use-id>"u8);
        into.NotificationStatus = Tag(text, "<status>"u8, "</status>"u8);
        return true;
    }

    private static string? Tag(ReadOnlySpan<byte> text, ReadOnlySpan<byte> open, ReadOnlySpan<byte> close)
    {
        int start = text.IndexOf(open);
        if (start < 0)
        {
            return null;
        }

        ReadOnlySpan<byte> rest = text[(start + open.Length)..];
        int end = rest.IndexOf(close);
        ReadOnlySpan<byte> value = end < 0 ? default : rest[..end].Trim(" \t\r\n"u8);
        return value.IsEmpty ? null : Encoding.UTF8.GetString(value);
    }
}
