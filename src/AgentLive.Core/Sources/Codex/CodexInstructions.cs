using AgentLive.Parsing;

namespace AgentLive.Sources.Codex;

/// <summary>
/// Where the text of a session header's base instructions lies. Codex writes the model's whole system prompt into each
/// <c>session_meta</c> line (about 22 KB of escaped text); nothing is read from it, yet skipping it through
/// <see cref="System.Text.Json.Utf8JsonReader"/> validates it byte by byte. Leaving the text out (the value becomes
/// <c>""</c>) before the line is tokenised spares that; the line's UTF-8 is still checked whole.
/// </summary>
internal static class CodexInstructions
{
    /// <summary>How Codex writes the start of the instructions inside a header's payload.</summary>
    private static ReadOnlySpan<byte> Start => "\"base_instructions\":{\"text\":\""u8;

    /// <summary>Finds the bytes between the quotes of the instructions' text, in a payload directly under the line.</summary>
    public static bool TryFind(ReadOnlySpan<byte> line, out Range text)
    {
        text = default;

        // A header says so in its envelope's type, within its first bytes: other lines are not searched through.
        if (line[..Math.Min(line.Length, 128)].IndexOf("\"type\":\"session_meta\""u8) < 0
            || !RawJson.TryFindString(line, Start, within: line.Length, depth: 2, out int open, out int close)
            || close == open + 1)
        {
            return false;
        }

        text = (open + 1)..close;
        return true;
    }
}
