using System.Collections.Frozen;
using System.Numerics;
using System.Text;

namespace AgentLive.Parsing;

/// <summary>
/// A fixed set of names (field names, type words) that a line's names are checked against without allocating: as the
/// UTF-8 bytes the reader sees, or as a string already read through a cache.
/// </summary>
internal sealed class Utf8NameSet
{
    private readonly byte[][][] _buckets;
    private readonly int _mask;
    private readonly FrozenSet<string> _strings;

    public Utf8NameSet(IEnumerable<string> names)
    {
        _strings = names.ToFrozenSet(StringComparer.Ordinal);
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(_strings.Count * 2, 2));
        _mask = size - 1;
        var buckets = new List<byte[]>?[size];
        foreach (string name in _strings)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(name);
            (buckets[Utf8StringCache.Hash(utf8) & _mask] ??= []).Add(utf8);
        }

        _buckets = [.. buckets.Select(b => b?.ToArray() ?? [])];
    }

    public bool Contains(ReadOnlySpan<byte> name)
    {
        foreach (byte[] candidate in _buckets[Utf8StringCache.Hash(name) & _mask])
        {
            if (name.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    public bool Contains(string name) => _strings.Contains(name);
}
