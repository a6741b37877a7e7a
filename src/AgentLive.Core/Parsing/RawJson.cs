using System.Buffers;

namespace AgentLive.Parsing;

/// <summary>
/// Finds where a JSON string or object ends by looking only at quotes, backslashes and braces, without tokenising or
/// validating what is inside. For skipping bodies no fact is read from: <see cref="System.Text.Json.Utf8JsonReader"/>
/// validates every escaped string it passes, byte by byte, even when the value is then skipped.
/// </summary>
internal static class RawJson
{
    private static readonly SearchValues<byte> Structure = SearchValues.Create("\"{}[]"u8);

    /// <summary>The index of the quote that closes the string opened at <paramref name="open"/>; -1 when it never closes.</summary>
    /// <remarks>
    /// Looks for quotes only, then counts the backslashes just before one: an odd run escapes it. Escaped text is
    /// full of <c>\n</c> and <c>\\</c> but has few <c>\"</c>, so stopping at every backslash would stop far more often.
    /// </remarks>
    public static int StringEnd(ReadOnlySpan<byte> json, int open)
    {
        int at = open + 1;
        while (at < json.Length)
        {
            int next = json[at..].IndexOf((byte)'"');
            if (next < 0)
            {
                return -1;
            }

            at += next;
            int backslashes = 0;
            while (at - 1 - backslashes > open && json[at - 1 - backslashes] == (byte)'\\')
            {
                backslashes++;
            }

            if ((backslashes & 1) == 0)
            {
                return at;
            }

            at++;
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
    /// How many objects and arrays enclose <paramref name="at"/>, found by walking <paramref name="json"/> from
    /// <paramref name="from"/> (outside any string, <paramref name="depthAtFrom"/> deep); -1 when <paramref name="at"/>
    /// is inside a string.
    /// </summary>
    public static int DepthAt(ReadOnlySpan<byte> json, int at, int from = 0, int depthAtFrom = 0)
    {
        int depth = depthAtFrom;
        int position = from;
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
        if (!TryFindInside(json, 0, 0, opening[..^1], within, depth, out Range inside) || json[inside.Start.Value - 1] != (byte)'"')
        {
            return false;
        }

        (open, close) = (inside.Start.Value - 1, inside.End.Value);
        return true;
    }

    /// <summary>
    /// Finds <paramref name="key"/> (a name and its colon, as written) within <paramref name="within"/> bytes from
    /// <paramref name="from"/> (outside any string, <paramref name="depthAtFrom"/> deep; what lies before is not walked
    /// again), enclosed <paramref name="depth"/> deep, whose value is a string, an object or an array; gives what lies
    /// between the value's quotes or brackets.
    /// </summary>
    public static bool TryFindInside(ReadOnlySpan<byte> json, int from, int depthAtFrom, ReadOnlySpan<byte> key, int within, int depth, out Range inside)
    {
        inside = default;
        int at = json[from..Math.Min(json.Length, from + within)].IndexOf(key);
        if (at < 0 || DepthAt(json, at + from, from, depthAtFrom) != depth)
        {
            return false;
        }

        int open = at + from + key.Length;
        int close = open >= json.Length ? -1 : json[open] switch
        {
            (byte)'"' => StringEnd(json, open),
            (byte)'{' or (byte)'[' => ContainerEnd(json, open),
            _ => -1,
        };
        if (close < 0)
        {
            return false;
        }

        inside = (open + 1)..close;
        return true;
    }

    /// <summary>
    /// Parses a copy of <paramref name="json"/> without the bytes of <paramref name="cut"/> and of
    /// <paramref name="alsoCut"/> (empty, or after <paramref name="cut"/>), in a pooled array.
    /// </summary>
    public static bool ParseWithout<T>(ReadOnlySpan<byte> json, Range cut, Range alsoCut, T into, LineParser<T> parse)
    {
        (int offset, int cutLength) = cut.GetOffsetAndLength(json.Length);
        (int alsoOffset, int alsoLength) = alsoCut.GetOffsetAndLength(json.Length);
        if (alsoLength == 0)
        {
            alsoOffset = json.Length;
        }

        int length = json.Length - cutLength - alsoLength;
        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Span<byte> copy = rented;
            json[..offset].CopyTo(copy);
            copy = copy[offset..];
            json[(offset + cutLength)..alsoOffset].CopyTo(copy);
            copy = copy[(alsoOffset - offset - cutLength)..];
            json[Math.Min(json.Length, alsoOffset + alsoLength)..].CopyTo(copy);
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
