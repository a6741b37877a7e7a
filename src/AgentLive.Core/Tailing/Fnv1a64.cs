namespace AgentLive.Tailing;

/// <summary>
/// FNV-1a, 64 bits. Positions may be saved and compared in another process, so the hash must not be seeded per
/// process (as <see cref="HashCode"/> is); it only has to notice changed bytes, not resist an adversary.
/// </summary>
internal static class Fnv1a64
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        ulong hash = OffsetBasis;
        foreach (byte b in bytes)
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }
}
