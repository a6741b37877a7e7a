using System.Buffers;
using System.Text.Json;

namespace AgentLive.Parsing;

/// <summary>
/// Reads the current value of a <see cref="Utf8JsonReader"/> without allocating for what is not kept. Every method
/// accepts any token type and returns the "absent" value for a type it does not expect (skipping an object or array
/// whole), so a field that changed shape in a new client version is ignored instead of failing the line or being
/// misread as fields of its parent.
/// </summary>
internal static class JsonValues
{
    /// <summary>Reads a string value through the cache; <see langword="null"/> for a non-string.</summary>
    public static string? Interned(ref Utf8JsonReader reader, Utf8StringCache cache)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            Skip(ref reader);
            return null;
        }

        if (!reader.ValueIsEscaped)
        {
            return cache.Get(reader.ValueSpan);
        }

        return Unescaped(ref reader, cache, static (bytes, c) => c.Get(bytes.Span));
    }

    /// <summary>Reads at most <paramref name="maxChars"/> characters of a string value, trimmed, with "…" when cut.</summary>
    public static string? Preview(ref Utf8JsonReader reader, int maxChars)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            Skip(ref reader);
            return null;
        }

        if (!reader.ValueIsEscaped)
        {
            return TextPreview.FromUtf8(reader.ValueSpan, maxChars);
        }

        return Unescaped(ref reader, maxChars, static (bytes, max) => TextPreview.FromUtf8(bytes.Span, max));
    }

    /// <summary>Whether the value is the string <paramref name="expected"/> (compared unescaped).</summary>
    public static bool StringEquals(ref Utf8JsonReader reader, ReadOnlySpan<byte> expected)
    {
        Skip(ref reader);
        return reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(expected);
    }

    public static long? OptionalInt64(ref Utf8JsonReader reader)
    {
        Skip(ref reader);
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long value) ? value : null;
    }

    public static long Int64(ref Utf8JsonReader reader)
    {
        Skip(ref reader);
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long value) ? value : 0;
    }

    public static int Int32(ref Utf8JsonReader reader)
    {
        Skip(ref reader);
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int value) ? value : 0;
    }

    public static decimal? Decimal(ref Utf8JsonReader reader)
    {
        Skip(ref reader);
        return reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out decimal value) ? value : null;
    }

    public static bool True(ref Utf8JsonReader reader)
    {
        Skip(ref reader);
        return reader.TokenType == JsonTokenType.True;
    }

    public static DateTimeOffset? Timestamp(ref Utf8JsonReader reader)
    {
        Skip(ref reader);
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out DateTimeOffset value))
        {
            return value;
        }

        return reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double number) ? FromEpoch(number) : null;
    }

    /// <summary>
    /// Some files carry epoch seconds or milliseconds instead of ISO-8601: a number past 10^11 is milliseconds (as
    /// seconds it would be past the year 5000).
    /// </summary>
    public static DateTimeOffset? FromEpoch(double number) => number switch
    {
        <= 0 or > 1e15 => null,
        > 1e11 => DateTimeOffset.FromUnixTimeMilliseconds((long)number),
        _ => DateTimeOffset.FromUnixTimeMilliseconds((long)(number * 1000)),
    };

    /// <summary>Skips the current value if it is an object or array (a no-op for scalars).</summary>
    public static void Skip(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }
    }

    /// <summary>Unescapes the current string value into a pooled buffer and hands it to <paramref name="use"/>.</summary>
    public static TResult Unescaped<TState, TResult>(ref Utf8JsonReader reader, TState state, Func<ReadOnlyMemory<byte>, TState, TResult> use)
    {
        int length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            int written = reader.CopyString(rented);
            return use(rented.AsMemory(0, written), state);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
