using System.Text.Json;

namespace AgentLive.Pricing;

/// <summary>The bundled price list (<c>model-prices.json</c>, an embedded resource), looked up by model id.</summary>
internal sealed class ModelPriceTable
{
    private readonly Dictionary<string, ModelPrice> _prices;

    private ModelPriceTable(Dictionary<string, ModelPrice> prices) => _prices = prices;

    /// <summary>Gets the table bundled with the library.</summary>
    public static ModelPriceTable Bundled { get; } = LoadBundled();

    /// <summary>Looks a model up, ignoring a trailing release date in its id.</summary>
    public bool TryGet(string? model, out ModelPrice price)
    {
        price = default;
        return model is not null && _prices.TryGetValue(WithoutDate(model), out price);
    }

    /// <summary>Prices usage per model; <see langword="null"/> when any model with usage has no price.</summary>
    public decimal? Cost(IEnumerable<KeyValuePair<string, TokenUsage>> usageByModel)
    {
        decimal total = 0;
        foreach ((string model, TokenUsage usage) in usageByModel)
        {
            if (usage.Total == 0)
            {
                continue;
            }

            if (!TryGet(model, out ModelPrice price))
            {
                return null;
            }

            total += price.Cost(usage);
        }

        return total;
    }

    internal static ModelPriceTable Parse(ReadOnlySpan<byte> json)
    {
        var prices = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        foreach (JsonElement entry in document.RootElement.GetProperty("models").EnumerateArray())
        {
            prices[entry.GetProperty("model").GetString()!] = new ModelPrice(
                entry.GetProperty("input").GetDecimal(),
                entry.GetProperty("output").GetDecimal(),
                entry.GetProperty("cacheWrite").GetDecimal(),
                entry.GetProperty("cacheRead").GetDecimal());
        }

        return new ModelPriceTable(prices);
    }

    private static ModelPriceTable LoadBundled()
    {
        using Stream stream = typeof(ModelPriceTable).Assembly.GetManifestResourceStream("AgentLive.Pricing.model-prices.json")
            ?? throw new InvalidOperationException("The bundled price list is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static string WithoutDate(string model)
    {
        // claude-sonnet-4-5-20250929 → claude-sonnet-4-5; gpt-5-2025-08-07 → gpt-5
        ReadOnlySpan<char> id = model;
        if (id.Length > 9 && id[^9] == '-' && IsDigits(id[^8..]))
        {
            return model[..^9];
        }

        if (id.Length > 11 && id[^11] == '-' && IsDigits(id[^10..^6]) && id[^6] == '-' && IsDigits(id[^5..^3]) && id[^3] == '-' && IsDigits(id[^2..]))
        {
            return model[..^11];
        }

        return model;
    }

    private static bool IsDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');
}
