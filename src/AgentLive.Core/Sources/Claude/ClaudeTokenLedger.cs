using System.Runtime.InteropServices;
using AgentLive.Tailing;

namespace AgentLive.Sources.Claude;

/// <summary>
/// Counts each model response's usage once. Claude Code writes one line per content block, each repeating the
/// response's usage; side-question logs replay parent messages under a new request id with <c>isSidechain</c>.
/// </summary>
/// <remarks>
/// <para>
/// The rule (ccusage's, confirmed exact on the 2.1.328 recordings): one entry per <c>message.id</c>; on a duplicate
/// keep the main-chain copy over a sidechain copy, otherwise the copy with the larger total.
/// </para>
/// <para>
/// What is kept does not grow with the transcript. The copies of one response are written on adjacent lines (one per
/// content block, the next response's only after them), so the rule needs each response's kept copy only for as long
/// as its copies can still come: the last <see cref="Window"/> responses keep theirs in full. A response that leaves
/// that window leaves only a 64-bit hash of its id, among the last <see cref="Remembered"/>, so that a later copy of
/// it (a side question replaying the conversation, which can reach far back) counts nothing more. Past the window a
/// later copy no longer replaces the kept one, even when larger: copies of one response with different totals are
/// adjacent. A replay past the last <see cref="Remembered"/> responses would count again. The lookup among them is
/// made once per response (its further copies find it in the window) and is one vectorised search.
/// </para>
/// </remarks>
internal sealed class ClaudeTokenLedger
{
    /// <summary>The responses whose kept copy is compared with their further copies in full.</summary>
    internal const int Window = 16;

    /// <summary>The responses, past the window, whose further sidechain copies are recognised and not counted.</summary>
    internal const int Remembered = 2048;

    private readonly RecentRing<Entry> _recent = new(Window);
    private readonly RecentRing<ulong> _past = new(Remembered);
    private readonly Dictionary<string, TokenUsage> _byModel = new(StringComparer.Ordinal);

    public TokenUsage Total { get; private set; }

    public IReadOnlyDictionary<string, TokenUsage> ByModel => _byModel;

    /// <summary>Gets the number of responses kept in full (at most <see cref="Window"/>).</summary>
    internal int RecentCount => _recent.Count;

    /// <summary>Gets the number of responses past the window still recognised (at most <see cref="Remembered"/>).</summary>
    internal int RememberedCount => _past.Count;

    /// <summary>Records a response's usage; returns whether the totals changed.</summary>
    public bool Add(string? messageId, bool isSidechain, string model, TokenUsage usage)
    {
        if (messageId is null)
        {
            // Nothing to deduplicate by: count it as a response of its own.
            Apply(model, usage);
            return usage.Total != 0;
        }

        ulong key = Fnv1a64.Hash(MemoryMarshal.AsBytes(messageId.AsSpan()));
        int slot = FindRecent(key);
        if (slot < 0)
        {
            if (_past.Items.Contains(key))
            {
                return false;
            }

            if (_recent.Add(new Entry(key, isSidechain, model, usage), out Entry left))
            {
                _past.Add(left.Key, out _);
            }

            Apply(model, usage);
            return usage.Total != 0;
        }

        ref Entry existing = ref _recent[slot];
        bool replace = existing.IsSidechain == isSidechain
            ? usage.Total > existing.Usage.Total
            : existing.IsSidechain;
        if (!replace)
        {
            return false;
        }

        Apply(existing.Model, default(TokenUsage) - existing.Usage);
        existing = new Entry(key, isSidechain, model, usage);
        Apply(model, usage);
        return true;
    }

    public void Clear()
    {
        _recent.Clear();
        _past.Clear();
        _byModel.Clear();
        Total = default;
    }

    private int FindRecent(ulong key)
    {
        for (int i = 0; i < _recent.Count; i++)
        {
            if (_recent[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }

    private void Apply(string model, TokenUsage delta)
    {
        Total += delta;
        _byModel[model] = _byModel.GetValueOrDefault(model) + delta;
    }

    private readonly record struct Entry(ulong Key, bool IsSidechain, string Model, TokenUsage Usage);
}
