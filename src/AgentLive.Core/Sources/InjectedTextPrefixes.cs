using System.Text;
using System.Text.Json;
using AgentLive.Parsing;

namespace AgentLive.Sources;

/// <summary>
/// Tells what the text of a user turn is from how it starts: a client writes what it injects into the user's turn
/// (context, command output, notifications) behind fixed prefixes, and what the person typed behind none of them.
/// Each source has its own table; the first prefix that matches, after leading whitespace, names the kind.
/// </summary>
internal sealed class InjectedTextPrefixes<TKind>
    where TKind : struct, Enum
{
    private readonly Prefix[] _prefixes;
    private readonly TKind _otherwise;

    /// <param name="otherwise">The kind of text that starts with none of the prefixes (what the person typed).</param>
    /// <param name="prefixes">Prefixes and the kind each marks, in the order they are tried.</param>
    public InjectedTextPrefixes(TKind otherwise, params (string Text, TKind Kind)[] prefixes)
    {
        _otherwise = otherwise;
        _prefixes = [.. prefixes.Select(p => new Prefix(Encoding.UTF8.GetBytes(p.Text), p.Text, p.Kind))];
    }

    /// <summary>Classifies the string value the reader is on (unescaping it only when it is escaped).</summary>
    public TKind Classify(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped || reader.HasValueSequence
            ? JsonValues.Unescaped(ref reader, this, static (text, table) => table.Classify(text.Span))
            : Classify(reader.ValueSpan);

    public TKind Classify(ReadOnlySpan<byte> text)
    {
        text = text.TrimStart(" \t\r\n"u8);
        foreach (Prefix prefix in _prefixes)
        {
            if (text.StartsWith(prefix.Utf8))
            {
                return prefix.Kind;
            }
        }

        return _otherwise;
    }

    /// <summary>Classifies text already decoded (for readers that hold the whole value).</summary>
    public TKind Classify(string text)
    {
        ReadOnlySpan<char> trimmed = text.AsSpan().TrimStart(" \t\r\n");
        foreach (Prefix prefix in _prefixes)
        {
            if (trimmed.StartsWith(prefix.Text, StringComparison.Ordinal))
            {
                return prefix.Kind;
            }
        }

        return _otherwise;
    }

    private sealed record Prefix(byte[] Utf8, string Text, TKind Kind);
}
