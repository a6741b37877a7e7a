namespace AgentLive.Pricing;

/// <summary>A model's list prices in US dollars per million tokens.</summary>
internal readonly record struct ModelPrice(decimal Input, decimal Output, decimal CacheWrite, decimal CacheRead)
{
    private const decimal PerMillion = 1_000_000m;

    /// <summary>The cost of <paramref name="usage"/> (reasoning is part of the output and not charged twice).</summary>
    public decimal Cost(TokenUsage usage) =>
        ((usage.Input * Input) + (usage.Output * Output) + (usage.CacheCreation * CacheWrite) + (usage.CacheRead * CacheRead)) / PerMillion;
}
