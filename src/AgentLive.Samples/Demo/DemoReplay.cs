using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgentLive.Samples.Demo;

/// <summary>
/// Replays the bundled real-client transcripts into temporary Claude and Codex roots at their recorded pace, one
/// scenario after another, so the live view shows sessions appear, work, wait for the user and finish.
/// </summary>
/// <remarks>
/// Each line goes out when its recording wrote it (<c>line-timing.jsonl</c>), divided by the speed; its timestamps
/// are moved to the replay's clock, so the monitor sees a session happening now rather than one from the recording day.
/// </remarks>
internal sealed partial class DemoReplay : IDisposable
{
    /// <summary>How far apart the scenarios start, at the recorded pace.</summary>
    private static readonly TimeSpan Stagger = TimeSpan.FromSeconds(5);

    private readonly List<Step> _steps;
    private readonly double _speed;

    private DemoReplay(string root, List<Step> steps, double speed)
    {
        Root = root;
        _steps = steps;
        _speed = speed;
    }

    public string Root { get; }

    public string ClaudeRoot => Path.Combine(Root, "claude");

    public string CodexRoot => Path.Combine(Root, "codex");

    public int Written { get; private set; }

    public int Total => _steps.Count;

    /// <summary>Loads every scenario under <paramref name="dataRoot"/> (<c>DemoData/&lt;client&gt;/&lt;scenario&gt;</c>).</summary>
    public static DemoReplay Load(string dataRoot, double speed)
    {
        string root = Directory.CreateTempSubdirectory("agentlive-demo-").FullName;
        var steps = new List<Step>();
        int index = 0;
        foreach (string scenario in Directory.EnumerateDirectories(dataRoot).SelectMany(Directory.EnumerateDirectories).Order(StringComparer.Ordinal))
        {
            string client = Path.GetFileName(Path.GetDirectoryName(scenario))!;
            string timing = Path.Combine(scenario, "line-timing.jsonl");
            if (!File.Exists(timing))
            {
                continue;
            }

            TimeSpan offset = Stagger * index++ / speed;
            steps.AddRange(Scenario(scenario, client, timing, root, offset, speed));
        }

        // A stable sort: lines written in the same instant keep their file order.
        return new DemoReplay(root, [.. steps.OrderBy(step => step.At)], speed);
    }

    /// <summary>Writes every line at its time; completes when the last one is written.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset start = DateTimeOffset.UtcNow;
        foreach (Step step in _steps)
        {
            TimeSpan wait = step.At - (DateTimeOffset.UtcNow - start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(step.Path)!);
            await using (var file = new FileStream(step.Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
            {
                await file.WriteAsync(Retime(step.Line, start + step.Offset, step.ScenarioStart, _speed), cancellationToken);
            }

            Written++;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static IEnumerable<Step> Scenario(string scenario, string client, string timing, string root, TimeSpan offset, double speed)
    {
        string home = client == "claude" ? "HOME/.claude/" : "HOME/.codex/";
        var lines = new Dictionary<string, byte[][]>(StringComparer.Ordinal);
        double? recordingStart = null;
        foreach (string row in File.ReadLines(timing))
        {
            using JsonDocument entry = JsonDocument.Parse(row);
            JsonElement e = entry.RootElement;
            string file = e.GetProperty("file").GetString()!;
            if (!file.StartsWith(home, StringComparison.Ordinal) || !(file.Contains("/projects/", StringComparison.Ordinal) || file.Contains("sessions/", StringComparison.Ordinal)))
            {
                continue;
            }

            double t = e.GetProperty("t").GetDouble();
            double ts = e.GetProperty("t_s").GetDouble();
            recordingStart ??= t - ts;
            string relative = file[home.Length..];
            if (!lines.TryGetValue(relative, out byte[][]? content))
            {
                string source = Path.Combine(scenario, client, relative);
                content = File.Exists(source) ? [.. Split(File.ReadAllBytes(source))] : [];
                lines[relative] = content;
            }

            int line = e.GetProperty("line").GetInt32();
            if (line < content.Length)
            {
                yield return new Step(
                    offset + TimeSpan.FromSeconds(ts / speed),
                    Path.Combine(root, client, relative),
                    content[line],
                    offset,
                    DateTimeOffset.FromUnixTimeMilliseconds((long)(recordingStart.Value * 1000)));
            }
        }
    }

    /// <summary>Moves every <c>"timestamp":"…Z"</c> of a line onto the replay's clock (scaled by the speed).</summary>
    private static byte[] Retime(byte[] line, DateTimeOffset replayStart, DateTimeOffset scenarioStart, double speed)
    {
        string text = Encoding.UTF8.GetString(line);
        text = Timestamp().Replace(text, match =>
        {
            if (!DateTimeOffset.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset original))
            {
                return match.Value;
            }

            DateTimeOffset moved = replayStart + ((original - scenarioStart) / speed);
            return $"\"timestamp\":\"{moved.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}\"";
        });
        return [.. Encoding.UTF8.GetBytes(text), (byte)'\n'];
    }

    private static IEnumerable<byte[]> Split(byte[] content)
    {
        int start = 0;
        for (int i = 0; i < content.Length; i++)
        {
            if (content[i] == (byte)'\n')
            {
                yield return content[start..i];
                start = i + 1;
            }
        }
    }

    [GeneratedRegex("\"timestamp\":\"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z)\"")]
    private static partial Regex Timestamp();

    private readonly record struct Step(TimeSpan At, string Path, byte[] Line, TimeSpan Offset, DateTimeOffset ScenarioStart);
}
