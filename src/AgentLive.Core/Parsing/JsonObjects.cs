using System.Text.Json;

namespace AgentLive.Parsing;

/// <summary>
/// The loop every object of a transcript line is read with: each property offered to a visitor, the ones it does not
/// want skipped whole; a value that is not an object is skipped (a newer client changed its shape). The small readers
/// below are what visitors call for the common property kinds.
/// </summary>
internal static class JsonObjects
{
    public static void ForEach<TVisitor>(ref Utf8JsonReader reader, ref TVisitor visitor)
        where TVisitor : struct, IPropertyVisitor
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            JsonValues.Skip(ref reader);
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!visitor.Visit(ref reader))
            {
                reader.Read();
                JsonValues.Skip(ref reader);
            }
        }
    }

    /// <summary>
    /// <see cref="ForEach{TVisitor}"/> for a visitor that can be done before the object ends: then the loop returns
    /// with the reader where the visitor left it, and the rest of the object is not read.
    /// </summary>
    public static void ForEachUntilDone<TVisitor>(ref Utf8JsonReader reader, ref TVisitor visitor)
        where TVisitor : struct, IStoppingPropertyVisitor
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            JsonValues.Skip(ref reader);
            return;
        }

        while (!visitor.Done && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!visitor.Visit(ref reader))
            {
                reader.Read();
                JsonValues.Skip(ref reader);
            }
        }
    }

    /// <summary>When the property is <paramref name="name"/>, reads its number into <paramref name="target"/>.</summary>
    public static bool Int64(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, ref long target)
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }

        reader.Read();
        target = JsonValues.Int64(ref reader);
        return true;
    }

    /// <summary>When the property is <paramref name="name"/>, reads its number into <paramref name="target"/> (0 unless it fits).</summary>
    public static bool Int32(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, ref int target)
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }

        reader.Read();
        target = JsonValues.Int32(ref reader);
        return true;
    }

    /// <summary>When the property is <paramref name="name"/>, reads its string through the cache into <paramref name="target"/>.</summary>
    public static bool Interned(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, Utf8StringCache cache, ref string? target)
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }

        reader.Read();
        target = JsonValues.Interned(ref reader, cache);
        return true;
    }

    /// <summary>When the property is <paramref name="name"/>, reads a preview of its string into <paramref name="target"/>.</summary>
    public static bool Preview(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, int maxChars, ref string? target)
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }

        reader.Read();
        target = JsonValues.Preview(ref reader, maxChars);
        return true;
    }
}
