using System.Text.Json;

namespace AgentLive.Tests.Infrastructure;

/// <summary>
/// The transcripts the real Claude Code and Codex CLIs wrote (TestData/real, see its README), with what the model
/// server reported for each (<c>expected.json</c>) and the checkpoints taken while they ran.
/// </summary>
public sealed class RealFixture
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "TestData", "real");

    private RealFixture(string client, string scenario)
    {
        Client = client;
        Scenario = scenario;
        Directory = Path.Combine(Root, client, scenario);
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "expected.json")));
        Expected = expected.RootElement.Clone();
    }

    public string Client { get; }

    public string Scenario { get; }

    public string Directory { get; }

    public JsonElement Expected { get; }

    public static RealFixture Load(string client, string scenario) => new(client, scenario);

    public static IEnumerable<string> ScenarioNames(string client) =>
        System.IO.Directory.EnumerateDirectories(Path.Combine(Root, client)).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal);

    public static TheoryData<string> Scenarios(string client) => new(ScenarioNames(client));

    /// <summary>The final transcript (Claude) or rollout (Codex).</summary>
    public string Transcript => FindTranscript(Directory)
        ?? throw new InvalidOperationException($"No transcript in {Scenario}");

    /// <summary>The transcript as it was at a checkpoint, or null where the checkpoint has none (the client had not written it yet).</summary>
    public string? TranscriptAt(string checkpoint) => FindTranscript(Path.Combine(Directory, "snapshots", checkpoint));

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

    private static string? FindTranscript(string folder)
    {
        foreach (string sub in new[] { Path.Combine(folder, "claude", "projects"), Path.Combine(folder, "codex", "sessions") })
        {
            if (System.IO.Directory.Exists(sub))
            {
                return System.IO.Directory.EnumerateFiles(sub, "*.jsonl", SearchOption.AllDirectories).Single();
            }
        }

        return null;
    }
}
