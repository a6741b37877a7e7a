using System.Text.Json;

namespace AgentLive.Tests.Infrastructure;

/// <summary>
/// One moment of a real recording (a <c>checkpoints</c> entry of a scenario's <c>expected.json</c>, in any
/// <c>TestData/real*</c> set): what a correct monitor reports then, with the files and process tree as they were.
/// </summary>
public sealed class RecordedCheckpoint
{
    private readonly JsonElement _expected;

    private RecordedCheckpoint(string scenarioDirectory, string client, JsonElement expected, JsonElement checkpoint)
    {
        ScenarioDirectory = scenarioDirectory;
        Client = client;
        Label = checkpoint.GetProperty("label").GetString()!;
        _expected = expected;
        SessionId = expected.TryGetProperty("session_id", out JsonElement id) ? id.GetString() : null;
        Answers = [Answer.From(checkpoint), .. checkpoint.TryGetProperty("acceptable_alternative", out JsonElement alternative) ? [Answer.From(alternative)] : Array.Empty<Answer>()];
        Activities = [.. Strings(checkpoint, "activity"), .. Strings(checkpoint, "activity_alt")];
    }

    /// <summary>Gets the name used in test output: <c>set/client/scenario@label</c>.</summary>
    public string Name => $"{ScenarioName}@{Label}";

    /// <summary>Gets the recording's name: <c>set/client/scenario</c>.</summary>
    public string ScenarioName => $"{Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(ScenarioDirectory)))}/{Client}/{Path.GetFileName(ScenarioDirectory)}";

    public string ScenarioDirectory { get; }

    public string Client { get; }

    public string Label { get; }

    /// <summary>Gets the recorded session's id in the client's own id space, where expected.json names it.</summary>
    public string? SessionId { get; }

    /// <summary>Gets the acceptable answers, the precise one first.</summary>
    public IReadOnlyList<Answer> Answers { get; }

    /// <summary>Gets texts one of which the activity shown then contains; empty where the checkpoint names none.</summary>
    public IReadOnlyList<string> Activities { get; }

    /// <summary>Gets the client's home folders as they were (<c>claude</c>, <c>codex</c>).</summary>
    public string Snapshot => Path.Combine(ScenarioDirectory, "snapshots", Label);

    /// <summary>Gets the process tree as it was, or null where the recorder took none.</summary>
    public string? ProcessSnapshot => Path.Combine(ScenarioDirectory, "process-snapshots", Label + ".json") is { } path && File.Exists(path) ? path : null;

    /// <summary>When the recorder took the checkpoint, on the clock the transcripts' timestamps use.</summary>
    public DateTimeOffset Time => SnapshotTime(ScenarioDirectory, Label);

    /// <summary>When a recorder took a labelled snapshot (its timeline's <c>transcript_snapshot</c> event).</summary>
    public static DateTimeOffset SnapshotTime(string scenarioDirectory, string label)
    {
        foreach (string line in File.ReadLines(Path.Combine(scenarioDirectory, "timeline.jsonl")))
        {
            using JsonDocument entry = JsonDocument.Parse(line);
            JsonElement root = entry.RootElement;
            if (root.GetProperty("event").GetString() == "transcript_snapshot" && root.GetProperty("label").GetString() == label)
            {
                return DateTimeOffset.FromUnixTimeMilliseconds((long)(root.GetProperty("t").GetDouble() * 1000));
            }
        }

        throw new InvalidOperationException($"No snapshot {label} in {scenarioDirectory}");
    }

    /// <summary>Every checkpoint of every recording set under TestData whose expected.json lists checkpoints.</summary>
    public static IEnumerable<RecordedCheckpoint> All()
    {
        string data = Path.Combine(AppContext.BaseDirectory, "TestData");
        foreach (string set in Directory.EnumerateDirectories(data, "real*").Order(StringComparer.Ordinal))
        {
            foreach (string expectedPath in Directory.EnumerateFiles(set, "expected.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                string scenario = Path.GetDirectoryName(expectedPath)!;
                using JsonDocument expected = JsonDocument.Parse(File.ReadAllBytes(expectedPath));
                if (!expected.RootElement.TryGetProperty("checkpoints", out JsonElement checkpoints))
                {
                    continue;
                }

                string client = Path.GetFileName(Path.GetDirectoryName(scenario))!;
                foreach (JsonElement checkpoint in checkpoints.EnumerateArray())
                {
                    yield return new RecordedCheckpoint(scenario, client, expected.RootElement.Clone(), checkpoint.Clone());
                }
            }
        }
    }

    /// <summary>
    /// The tokens the model server reported, under a property of expected.json (and a label under it), in AgentLive's
    /// terms: Codex's input includes its cached input, which AgentLive counts apart as cache reads.
    /// </summary>
    public TokenUsage ServerTokens(string property, string? label = null) =>
        ServerTokensOrNull(property, label) ?? throw new InvalidOperationException($"No {property} {label} in {ScenarioDirectory}");

    public TokenUsage? ServerTokensOrNull(string property, string? label = null)
    {
        if (!_expected.TryGetProperty(property, out JsonElement usage) || usage.ValueKind != JsonValueKind.Object
            || (label is not null && (!usage.TryGetProperty(label, out usage) || usage.ValueKind != JsonValueKind.Object)))
        {
            return null;
        }

        long Get(string name) => usage.TryGetProperty(name, out JsonElement value) ? value.GetInt64() : 0;
        long cached = Get("cached_input_tokens");
        return new TokenUsage(
            input: Get("input_tokens") - cached,
            output: Get("output_tokens"),
            cacheRead: cached + Get("cache_read_input_tokens"),
            cacheCreation: Get("cache_creation_input_tokens"),
            reasoning: Get("reasoning_output_tokens"));
    }

    public static RecordedCheckpoint Find(string name) => All().Single(c => c.Name == name);

    public override string ToString() => Name;

    private static IEnumerable<string> Strings(JsonElement element, string name) =>
        !element.TryGetProperty(name, out JsonElement value) ? []
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString()!)
        : [value.GetString()!];

    /// <summary>A coarse status (the recorder's words: working, paused, done) with the agent states acceptable in it.</summary>
    public sealed record Answer(SessionStatus Status, IReadOnlyList<AgentStateKind> States)
    {
        public static Answer From(JsonElement element) => new(
            element.GetProperty("status").GetString() switch
            {
                "working" => SessionStatus.Working,
                "paused" => SessionStatus.NeedsYou,
                "done" => SessionStatus.Done,
                "unknown" => SessionStatus.Unknown,
                var other => throw new InvalidOperationException($"Unknown recorded status {other}"),
            },
            // The recorder's vocabulary has a few words with no state of their own (awaiting_approval is awaiting_permission).
            [.. Strings(element, "states")
                .Select(s => Enum.TryParse(s.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out AgentStateKind kind) ? kind : (AgentStateKind?)null)
                .OfType<AgentStateKind>()]);

        public bool Accepts(LiveSession session) => session.Status == Status && States.Contains(session.State.Kind);
    }
}
