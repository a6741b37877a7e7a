using AgentLive.Pricing;

namespace AgentLive.Tests.Pricing;

public sealed class ModelPriceTableTests
{
    [Theory]
    [InlineData("claude-sonnet-4-5")]
    [InlineData("claude-sonnet-4-5-20250929")]
    [InlineData("gpt-5-2025-08-07")]
    public void Models_are_found_with_or_without_a_release_date(string model) =>
        Assert.True(ModelPriceTable.Bundled.TryGet(model, out _));

    [Theory]
    [InlineData("claude-opus-5-5")]
    [InlineData("gpt-6.1-sol")]
    [InlineData(null)]
    public void Unlisted_models_have_no_price(string? model) =>
        Assert.False(ModelPriceTable.Bundled.TryGet(model, out _));

    [Fact]
    public void Cost_adds_up_per_model_and_is_null_when_any_model_is_unpriced()
    {
        var usage = new TokenUsage { Input = 1_000_000, Output = 1_000_000, CacheRead = 1_000_000, CacheCreation = 1_000_000 };

        Assert.Equal(3m + 15m + 0.3m + 3.75m, ModelPriceTable.Bundled.Cost([new("claude-sonnet-4-5", usage)]));
        Assert.Null(ModelPriceTable.Bundled.Cost([new("claude-sonnet-4-5", usage), new("mystery", usage)]));
        Assert.Equal(0m, ModelPriceTable.Bundled.Cost([new("mystery", default)]));
    }
}
