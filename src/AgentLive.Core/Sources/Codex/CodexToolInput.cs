using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using AgentLive.Parsing;

namespace AgentLive.Sources.Codex;

/// <summary>
/// Summarises a tool call's input: the shell command it runs, the files a patch touches, and whether it asks to run
/// outside the sandbox (which, under an approval policy other than <c>never</c>, means an approval prompt).
/// </summary>
/// <remarks>
/// Codex 0.169's default model runs commands through one freeform tool, <c>exec</c>, whose input is JavaScript such as
/// <c>await tools.exec_command({cmd: "echo hi", sandbox_permissions: "require_escalated"})</c>: the command is the
/// first <c>cmd:</c> string in it. Older models call <c>exec_command</c>/<c>shell</c> with JSON arguments.
/// </remarks>
internal static class CodexToolInput
{
    /// <summary>Reads a freeform (custom tool) input: JavaScript for <c>exec</c>, a patch for <c>apply_patch</c>.</summary>
    public static (string? Summary, bool Escalated) FromFreeform(ReadOnlySpan<byte> text)
    {
        bool escalated = text.IndexOf("require_escalated"u8) >= 0 || text.IndexOf("with_escalated_permissions: true"u8) >= 0;
        string? summary = FirstQuotedAfter(text, "cmd:"u8) ?? FirstQuotedAfter(text, "\"cmd\":"u8) ?? PatchTarget(text);
        return (summary, escalated);
    }

    /// <summary>Reads JSON arguments (<c>{"cmd": "..."}</c>, <c>{"command": ["bash", "-lc", "..."]}</c>).</summary>
    public static (string? Summary, bool Escalated) FromJsonArguments(ReadOnlySpan<byte> json)
    {
        var arguments = default(ArgumentsVisitor);
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return FromFreeform(json);
            }

            JsonObjects.ForEach(ref reader, ref arguments);
        }
        catch (JsonException)
        {
            // Arguments are the model's output and need not be valid JSON; what was read so far stands.
        }

        return (arguments.Summary, arguments.Escalated);
    }

    /// <summary>The last string of an array such as <c>["/bin/bash", "-lc", "echo hi"]</c>: the command itself.</summary>
    public static string? LastString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            JsonValues.Skip(ref reader);
            return null;
        }

        string? last = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                last = JsonValues.Preview(ref reader, TextPreview.ArgumentChars);
            }
            else
            {
                JsonValues.Skip(ref reader);
            }
        }

        return last;
    }

    private static string? FirstQuotedAfter(ReadOnlySpan<byte> text, ReadOnlySpan<byte> key)
    {
        int at = text.IndexOf(key);
        if (at < 0)
        {
            return null;
        }

        ReadOnlySpan<byte> rest = text[(at + key.Length)..].TrimStart(" \t"u8);
        if (rest.IsEmpty || rest[0] is not ((byte)'"' or (byte)'\'' or (byte)'`'))
        {
            return null;
        }

        byte quote = rest[0];
        var value = new StringBuilder();
        int i = 1;
        int bytesStart = 1;
        for (; i < rest.Length && rest[i] != quote; i++)
        {
            if (rest[i] == (byte)'\\' && i + 1 < rest.Length)
            {
                // JavaScript escapes: keep the escaped character (\" → ", \\ → \), fold \n and \t to spaces.
                value.Append(Encoding.UTF8.GetString(rest[bytesStart..i]));
                i++;
                value.Append(rest[i] switch { (byte)'n' or (byte)'t' or (byte)'r' => " ", _ => Encoding.UTF8.GetString(rest.Slice(i, 1)) });
                bytesStart = i + 1;
            }
        }

        value.Append(Encoding.UTF8.GetString(rest[bytesStart..Math.Min(i, rest.Length)]));
        return TextPreview.FromString(value.ToString(), TextPreview.ArgumentChars);
    }

    private static string? PatchTarget(ReadOnlySpan<byte> text) =>
        LineAfter(text, "*** Update File: "u8) ?? LineAfter(text, "*** Add File: "u8) ?? LineAfter(text, "*** Delete File: "u8);

    private static string? LineAfter(ReadOnlySpan<byte> text, ReadOnlySpan<byte> marker)
    {
        int at = text.IndexOf(marker);
        if (at < 0)
        {
            return null;
        }

        ReadOnlySpan<byte> path = text[(at + marker.Length)..];
        int end = path.IndexOfAny((byte)'\n', (byte)'\r');
        return TextPreview.FromUtf8(end < 0 ? path : path[..end], TextPreview.ArgumentChars);
    }

    private struct ArgumentsVisitor : IPropertyVisitor
    {
        public string? Summary;
        public bool Escalated;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(ref Utf8JsonReader reader)
        {
            if (reader.ValueTextEquals("cmd"u8) || reader.ValueTextEquals("command"u8))
            {
                // Read the value even when a command was already found: left unread, an array or object value's
                // members would be taken for the call's own, and the loop would stop at its first element.
                reader.Read();
                string? command = reader.TokenType == JsonTokenType.StartArray
                    ? LastString(ref reader)
                    : JsonValues.Preview(ref reader, TextPreview.ArgumentChars);
                Summary ??= command;
                return true;
            }

            if (reader.ValueTextEquals("sandbox_permissions"u8))
            {
                reader.Read();
                Escalated |= JsonValues.StringEquals(ref reader, "require_escalated"u8);
                return true;
            }

            if (reader.ValueTextEquals("with_escalated_permissions"u8))
            {
                reader.Read();
                Escalated |= JsonValues.True(ref reader);
                return true;
            }

            return false;
        }
    }
}
