using System.Text.Json;
using AgentLive.Samples.Demo;

namespace AgentLive.Samples.Tests;

public sealed class DemoReplayTests
{
    private static string DemoData => Path.Combine(AppContext.BaseDirectory, "DemoData");

    [Fact]
    public async Task The_replay_writes_every_recorded_transcript_line_in_place_with_timestamps_moved_to_now()
    {
        using DemoReplay replay = DemoReplay.Load(DemoData, speed: 1000);
        DateTimeOffset started = DateTimeOffset.UtcNow;

        await replay.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(replay.Total, replay.Written);
        string[] claude = Directory.GetFiles(Path.Combine(replay.ClaudeRoot, "projects"), "*.jsonl", SearchOption.AllDirectories);
        string[] codex = Directory.GetFiles(Path.Combine(replay.CodexRoot, "sessions"), "*.jsonl", SearchOption.AllDirectories);
        Assert.Equal(8, claude.Length);
        Assert.Equal(8, codex.Length);

        string original = Directory.GetFiles(Path.Combine(DemoData, "codex", "b_tool_echo"), "rollout-*.jsonl", SearchOption.AllDirectories).Single();
        string replayed = codex.Single(p => Path.GetFileName(p) == Path.GetFileName(original));
        Assert.Equal(File.ReadAllLines(original).Length, File.ReadAllLines(replayed).Length);

        // Lines written in the same instant keep their order: Claude's print run still ends with its exit line.
        string claudeOriginal = Directory.GetFiles(Path.Combine(DemoData, "claude", "b_tool_echo"), "*.jsonl", SearchOption.AllDirectories).Single(p => p.Contains("projects", StringComparison.Ordinal));
        string claudeReplayed = claude.Single(p => Path.GetFileName(p) == Path.GetFileName(claudeOriginal));
        Assert.Equal(
            File.ReadLines(claudeOriginal).Select(TypeOf),
            File.ReadLines(claudeReplayed).Select(TypeOf));
        using JsonDocument first = JsonDocument.Parse(File.ReadLines(replayed).First());
        DateTimeOffset stamp = first.RootElement.GetProperty("timestamp").GetDateTimeOffset();
        Assert.InRange(stamp, started.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    private static string TypeOf(string line)
    {
        using JsonDocument json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("type").GetString()!;
    }

    [Fact]
    public void Disposing_the_replay_removes_its_temporary_root()
    {
        DemoReplay replay = DemoReplay.Load(DemoData, speed: 2);
        string root = replay.Root;
        Assert.True(Directory.Exists(root));

        replay.Dispose();

        Assert.False(Directory.Exists(root));
    }
}
