using System.Text.Json;

namespace AgentLive.Tests.Infrastructure;

/// <summary>
/// The transcripts the real Claude Code and Codex CLIs wrote (a set of recordings: TestData/real, TestData/real-v3, see
/// their READMEs), with what the model server reported for each (<c>expected.json</c>) and the checkpoints taken while
/// they ran.
/// </summary>
public sealed class RealFixture
{
    /// <summary>The first set, written by older clients.</summary>
    public const string FirstSet = "real";

    /// <summary>The third set: sub-agents, questions, plans, background shells (Claude Code 2.1.332, Codex 0.171.0).</summary>
    public const string V3Set = "real-v3";

    /// <summary>Moments next to the third set's (Claude Code 2.1.328, Codex 0.169.0).</summary>
    public const string VariantsSet = "real-variants";

    public static string Root => RootOf(FirstSet);

    public static string RootOf(string set) => Path.Combine(AppContext.BaseDirectory, "TestData", set);

    private RealFixture(string set, string client, string scenario)
    {
        Set = set;
        Client = client;
        Scenario = scenario;
        Directory = Path.Combine(RootOf(set), client, scenario);
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "expected.json")));
        Expected = expected.RootElement.Clone();
    }

    public string Set { get; }

    public string Client { get; }

    public string Scenario { get; }

    public string Directory { get; }

    public JsonElement Expected { get; }

    public static RealFixture Load(string client, string scenario, string set = FirstSet) => new(set, client, scenario);

    public static IEnumerable<string> ScenarioNames(string client, string set = FirstSet) =>
        System.IO.Directory.EnumerateDirectories(Path.Combine(RootOf(set), client)).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal);

    public static TheoryData<string> Scenarios(string client, string set = FirstSet) => new(ScenarioNames(client, set));

    /// <summary>Every scenario of a client in every set, as (set, scenario).</summary>
    public static TheoryData<string, string> ScenariosInAllSets(string client) =>
        Pairs(new[] { FirstSet, V3Set, VariantsSet }.SelectMany(set => ScenarioNames(client, set).Select(scenario => (set, scenario))));

    public static TheoryData<string, string> Pairs(IEnumerable<(string, string)> pairs)
    {
        var data = new TheoryData<string, string>();
        foreach ((string a, string b) in pairs)
        {
            data.Add(a, b);
        }

        return data;
    }

    /// <summary>The final transcript (Claude) or rollout (Codex) of the session: the first that expected.json lists.</summary>
    public string Transcript => TranscriptAt(Directory, 0) ?? throw new InvalidOperationException($"No transcript in {Scenario}");

    /// <summary>Every final transcript or rollout of the scenario (a sub-agent writes one of its own), the session's first.</summary>
    public IReadOnlyList<string> Transcripts => [Transcript, .. SubAgentTranscripts];

    /// <summary>Every transcript as it was at a checkpoint, the session's first; empty where the client had written none yet.</summary>
    public IReadOnlyList<string> TranscriptsAt(string checkpoint) =>
        [.. new[] { TranscriptAt(checkpoint) }.OfType<string>(), .. SubAgentTranscriptsAt(checkpoint)];

    /// <summary>The other transcripts expected.json lists (sub-agents'), final.</summary>
    public IReadOnlyList<string> SubAgentTranscripts => SubAgentTranscriptsIn(Directory);

    /// <summary>The transcript as it was at a checkpoint, or null where the checkpoint has none (the client had not written it yet).</summary>
    public string? TranscriptAt(string checkpoint) => TranscriptAt(Path.Combine(Directory, "snapshots", checkpoint), 0);

    /// <summary>The sub-agents' transcripts as they were at a checkpoint (those that existed then).</summary>
    public IReadOnlyList<string> SubAgentTranscriptsAt(string checkpoint) => SubAgentTranscriptsIn(Path.Combine(Directory, "snapshots", checkpoint));

    public IEnumerable<string> Checkpoints =>
        System.IO.Directory.Exists(Path.Combine(Directory, "snapshots"))
            ? System.IO.Directory.EnumerateDirectories(Path.Combine(Directory, "snapshots")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!
            : [];

    /// <summary>When the recorder took a checkpoint (its timeline's clock, the one the transcripts' timestamps use).</summary>
    public DateTimeOffset CheckpointTime(string checkpoint) => RecordedCheckpoint.SnapshotTime(Directory, checkpoint);

    /// <summary>Claude Code's <c>sessions/&lt;pid&gt;.json</c> at a checkpoint, if the process had one.</summary>
    public string? LiveStatusFileAt(string checkpoint)
    {
        string folder = Path.Combine(Directory, "snapshots", checkpoint, "claude", "sessions");
        return System.IO.Directory.Exists(folder) ? System.IO.Directory.EnumerateFiles(folder, "*.json").SingleOrDefault() : null;
    }

    /// <summary>The processes the recorder saw at a checkpoint: pid, comm and argv; empty where it took no snapshot.</summary>
    public IReadOnlyList<(int Pid, string Comm, string[] Argv)> ProcessesAt(string checkpoint)
    {
        string path = Path.Combine(Directory, "process-snapshots", checkpoint + ".json");
        if (!File.Exists(path))
        {
            return [];
        }

        using JsonDocument snapshot = JsonDocument.Parse(File.ReadAllBytes(path));
        return [.. snapshot.RootElement.GetProperty("processes").EnumerateArray().Select(p => (
            p.GetProperty("pid").GetInt32(),
            p.GetProperty("comm").GetString()!,
            p.GetProperty("cmdline").EnumerateArray().Select(a => a.GetString()!).ToArray()))];
    }

    public static IEnumerable<byte[]> Lines(string path)
    {
        byte[] all = File.ReadAllBytes(path);
        int start = 0;
        for (int i = 0; i < all.Length; i++)
        {
            if (all[i] == (byte)'\n')
            {
                yield return all[start..i];
                start = i + 1;
            }
        }
    }

    /// <summary>The checkpoints expected.json states, in the recorded order.</summary>
    public IEnumerable<JsonElement> ExpectedCheckpoints =>
        Expected.TryGetProperty("checkpoints", out JsonElement checkpoints) ? checkpoints.EnumerateArray() : [];

    private IReadOnlyList<string> TranscriptPaths =>
        [.. Expected.GetProperty("transcripts").EnumerateArray().Select(t => t.GetString()!.Replace('/', Path.DirectorySeparatorChar))];

    private string? TranscriptAt(string folder, int index)
    {
        string path = Path.Combine(folder, TranscriptPaths[index]);
        return File.Exists(path) ? path : null;
    }

    private string[] SubAgentTranscriptsIn(string folder) =>
        [.. Enumerable.Range(1, TranscriptPaths.Count - 1).Select(i => TranscriptAt(folder, i)).OfType<string>()];
}
