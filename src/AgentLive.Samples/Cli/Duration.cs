using System.Globalization;

namespace AgentLive.Samples.Cli;

/// <summary>Reads a duration as people write one on a command line: <c>24h</c>, <c>90m</c>, <c>2d</c>, <c>30s</c>, or a time span.</summary>
internal static class Duration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(text) || text.Length < 2
            || !double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double amount) || amount <= 0)
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
        }

        duration = text[^1] switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => TimeSpan.Zero,
        };
        return duration > TimeSpan.Zero;
    }
}
