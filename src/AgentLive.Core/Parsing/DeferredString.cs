using System.Text.Json;

namespace AgentLive.Parsing;

/// <summary>
/// Where a string value sits in a line, so that it can be materialised after the whole line has been read, only if
/// the line turns out to need it (a line's type may come after its content).
/// </summary>
internal struct DeferredString
{
    private int _start;
    private int _length;

    public readonly bool IsSet => _length > 0;

    /// <summary>Remembers the current value if it is a string; otherwise forgets any earlier one (and skips the value).</summary>
    public void Capture(ref Utf8JsonReader reader)
    {
        JsonValues.Skip(ref reader);
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence)
        {
            _start = (int)reader.TokenStartIndex;
            _length = reader.ValueSpan.Length + 2;
        }
        else
        {
            _length = 0;
        }
    }

    public void Clear() => _length = 0;

    public readonly string? Preview(ReadOnlySpan<byte> line, int maxChars)
    {
        if (!IsSet)
        {
            return null;
        }

        var reader = new Utf8JsonReader(line.Slice(_start, _length));
        reader.Read();
        return JsonValues.Preview(ref reader, maxChars);
    }

    public readonly string? Interned(ReadOnlySpan<byte> line, Utf8StringCache cache)
    {
        if (!IsSet)
        {
            return null;
        }

        var reader = new Utf8JsonReader(line.Slice(_start, _length));
        reader.Read();
        return JsonValues.Interned(ref reader, cache);
    }

    /// <summary>Applies <paramref name="classify"/> to the unescaped value.</summary>
    public readonly TResult Classify<TResult>(ReadOnlySpan<byte> line, Func<ReadOnlyMemory<byte>, int, TResult> classify)
    {
        var reader = new Utf8JsonReader(line.Slice(_start, _length));
        reader.Read();
        return JsonValues.Unescaped(ref reader, 0, classify);
    }
}
