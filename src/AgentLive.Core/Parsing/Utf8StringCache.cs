using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace AgentLive.Parsing;

/// <summary>
/// Turns short UTF-8 values that repeat from line to line (model, cwd, branch, tool names, ids shared by the lines of
/// one response) into strings, allocating each distinct value once while it stays in the cache.
/// </summary>
/// <remarks>
/// Direct-mapped and not thread-safe: one per parser. A collision simply replaces the older entry, so the cache never
/// grows, and a miss costs what not caching would have.
/// </remarks>
internal sealed class Utf8StringCache
{
    /// <summary>Values longer than this are not worth keeping.</summary>
    public const int MaxCachedBytes = 256;

    private readonly Entry[] _entries;
    private readonly int _mask;

    public Utf8StringCache(int capacity = 128)
    {
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity, 2));
        _entries = new Entry[size];
        _mask = size - 1;
    }

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        if (utf8.Length > MaxCachedBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        ref Entry entry = ref _entries[Hash(utf8) & _mask];
        if (entry.Value is not null && utf8.SequenceEqual(entry.Key))
        {
            return entry.Value;
        }

        string value = Encoding.UTF8.GetString(utf8);
        entry = new Entry(utf8.ToArray(), value);
        return value;
    }

    /// <summary>
    /// A hash for short values, from their 8-byte words (the first 64 bytes' and the last word) and the length. Nothing
    /// depends on it beyond where an entry goes: a collision costs a miss, never a wrong value. A general-purpose
    /// hash, which walks every byte, was a few percent of a whole scan.
    /// </summary>
    internal static int Hash(ReadOnlySpan<byte> bytes)
    {
        ulong hash = (ulong)bytes.Length * 0x9E3779B97F4A7C15;
        if (bytes.Length >= 8)
        {
            int words = Math.Min(bytes.Length, 64) - 8;
            for (int at = 0; at <= words; at += 8)
            {
                hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes[at..])) * 0xFF51AFD7ED558CCD, 31);
            }

            hash ^= BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..]);
        }
        else
        {
            foreach (byte b in bytes)
            {
                hash = (hash << 8) ^ b;
            }
        }

        hash *= 0xC4CEB9FE1A85EC53;
        return (int)(hash ^ (hash >> 32));
    }

    private readonly record struct Entry(byte[] Key, string Value);
}
