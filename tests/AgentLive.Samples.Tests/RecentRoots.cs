using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentLive.Samples.Tests;

/// <summary>
/// The real-client transcripts the host tests read, with every line's time moved so that the last line of all was
/// written two hours ago: what the host derives from them (quiet for two hours, so done) then holds on any date,
/// not only once the real clock has passed the day they were recorded.
/// </summary>
internal static partial class RecentRoots
{
    private static readonly TimeSpan Quiet = TimeSpan.FromHours(2);
    private static readonly string[] Sources = ["claude", "codex"];
    private static readonly Lazy<string> Root = new(Create);

    public static string Claude => Path.Combine(Root.Value, "claude");

    public static string Codex => Path.Combine(Root.Value, "codex");

    private static string Create()
    {
        string recorded = Path.Combine(AppContext.BaseDirectory, "Roots");
        string root = Directory.CreateTempSubdirectory("agentlive-recent-roots-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(root, recursive: true);
        string[] files = [.. Sources.SelectMany(source => Directory.GetFiles(Path.Combine(recorded, source), "*.jsonl", SearchOption.AllDirectories))];
        DateTimeOffset last = files.SelectMany(File.ReadLines).SelectMany(line => Timestamp().Matches(line)).Select(Parse).Max();
        TimeSpan shift = DateTimeOffset.UtcNow - Quiet - last;
        foreach (string file in files)
        {
            string target = Path.Combine(root, Path.GetRelativePath(recorded, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllLines(target, File.ReadLines(file).Select(line => Timestamp().Replace(line, match =>
                $"\"timestamp\":\"{(Parse(match) + shift).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}\"")));
        }

        return root;
    }

    private static DateTimeOffset Parse(Match match) =>
        DateTimeOffset.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    [GeneratedRegex("\"timestamp\":\"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z)\"")]
    private static partial Regex Timestamp();
}
