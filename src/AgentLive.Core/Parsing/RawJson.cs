using System.Buffers;

namespace AgentLive.Parsing;

/// <summary>
/// Finds where a JSON string or object ends by looking only at quotes, backslashes and braces, without tokenising or
/// validating what is inside. For skipping bodies no fact is read from: <see cref="System.Text.Json.Utf8JsonReader"/>
/// validates every escaped string it passes, byte by byte, even when the value is then skipped.
/// </summary>
internal static class RawJson
{
    private static readonly SearchValues<byte> StringStops = SearchValues.Create("\"\\"u8);
    private static readonly SearchValues<byte> Structure = SearchValues.Create("\"{}[]"u8);

    /// <summary>The index of the quote that closes the string opened at <paramref name="open"/>; -1 when it never closes.</summary>
    public static int StringEnd(ReadOnlySpan<byte> json, int open)
    {
        int at = open + 1;
        while (at < json.Length)
        {
            int next = json[at..].IndexOfAny(StringStops);
            if (next < 0)
            {
                return -1;
            }

            at += next;
            if (json[at] == (byte)'"')
            {
                return at;
            }

            at += 2;
        }

        return -1;
    }

    /// <summary>
    /// The index of the brace that closes the object or array opened at <paramref name="open"/>; -1 when it never closes.
    /// </summary>
    public static int ContainerEnd(ReadOnlySpan<byte> json, int open)
    {
        int depth = 0;
        int position = open;
        while (Step(json, json.Length, ref position, ref depth))
        {
            if (depth == 0)
            {
                return position - 1;
            }
        }

        return -1;
    }

    /// <summary>
    /// How many objects and arrays enclose <paramref name="at"/>, found by walking <paramref name="json"/> from its
    /// start; -1 when <paramref name="at"/> is inside a string.
    /// </summary>
    public static int DepthAt(ReadOnlySpan<byte> json, int at)
    {
        int depth = 0;
        int position = 0;
        while (Step(json, at, ref position, ref depth))
        {
        }

        return position <= at ? depth : -1;
    }

    /// <summary>
    /// Finds <paramref name="opening"/> (a key and the quote that opens its string value) within the first
    /// <paramref name="within"/> bytes of <paramref name="json"/>, enclosed <paramref name="depth"/> deep, and the
    /// quotes of that string.
    /// </summary>
    public static bool TryFindString(ReadOnlySpan<byte> json, ReadOnlySpan<byte> opening, int within, int depth, out int open, out int close)
    {
        open = close = -1;
        int key = json[..Math.Min(json.Length, within)].IndexOf(opening);
        if (key < 0)
        {
            return false;
        }

        open = key + opening.Length - 1;
        close = StringEnd(json, open);
        return close > open && DepthAt(json, key) == depth;
    }

    /// <summary>Parses a copy of <paramref name="json"/> without the bytes of <paramref name="cut"/> (in a pooled array).</summary>
    public static bool ParseWithout<T>(ReadOnlySpan<byte> json, Range cut, T into, LineParser<T> parse)
    {
        (int offset, int cutLength) = cut.GetOffsetAndLength(json.Length);
        int length = json.Length - cutLength;
        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            json[..offset].CopyTo(rented);
            json[(offset + cutLength)..].CopyTo(rented.AsSpan(offset));
            return parse(rented.AsSpan(0, length), into);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Moves <paramref name="position"/> past the next string or bracket that starts before <paramref name="limit"/>,
    /// counting brackets into <paramref name="depth"/>; <see langword="false"/> when there is none (a string that
    /// never closes leaves <paramref name="position"/> past the end).
    /// </summary>
    private static bool Step(ReadOnlySpan<byte> json, int limit, ref int position, ref int depth)
    {
        if (position >= limit)
        {
            return false;
        }

        int next = json[position..limit].IndexOfAny(Structure);
        if (next < 0)
        {
            return false;
        }

        position += next;
        if (json[position] == (byte)'"')
        {
            int end = StringEnd(json, position);
            if (end < 0)
            {
                position = int.MaxValue;
                return false;
            }

            position = end;
        }
        else
        {
            depth += json[position] is (byte)'{' or (byte)'[' ? 1 : -1;
        }

        position++;
        return true;
    }
}
