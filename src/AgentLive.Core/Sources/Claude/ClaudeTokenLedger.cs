namespace AgentLive.Sources.Claude;

/// <summary>
/// Counts each model response's usage once. Claude Code writes one line per content block, each repeating the
/// response's usage; side-question logs replay parent messages under a new request id with <c>isSidechain</c>.
/// </summary>
/// <remarks>
/// The rule (ccusage's, confirmed exact on the 2.1.328 recordings): one entry per <c>message.id</c>; on a duplicate
/// keep the main-chain copy over a sidechain copy, otherwise the copy with the larger total.
/// </remarks>
internal sealed class ClaudeTokenLedger
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenUsage> _byModel = new(StringComparer.Ordinal);

    public TokenUsage Total { get; private set; }

    public IReadOnlyDictionary<string, TokenUsage> ByModel => _byModel;

    /// <summary>Records a response's usage; returns whether the totals changed.</summary>
    public bool Add(string? messageId, bool isSidechain, string model, TokenUsage usage)
    {
        if (messageId is null)
        {
            // Nothing to deduplicate by: count it as a response of its own.
            Apply(model, usage);
            return usage.Total != 0;
        }

        if (!_entries.TryGetValue(messageId, out Entry existing))
        {
            _entries[messageId] = new Entry(isSidechain, model, usage);
            Apply(model, usage);
            return usage.Total != 0;
        }

        bool replace = existing.IsSidechain == isSidechain
            ? usage.Total > existing.Usage.Total
            : existing.IsSidechain;
        if (!replace)
        {
            return false;
        }

        _entries[messageId] = new Entry(isSidechain, model, usage);
        Apply(existing.Model, default(TokenUsage) - existing.Usage);
        Apply(model, usage);
        return true;
    }

    public void Clear()
    {
        _entries.Clear();
        _byModel.Clear();
        Total = default;
    }

    private void Apply(string model, TokenUsage delta)
    {
        Total += delta;
        _byModel[model] = _byModel.GetValueOrDefault(model) + delta;
    }

    private readonly record struct Entry(bool IsSidechain, string Model, TokenUsage Usage);
}
