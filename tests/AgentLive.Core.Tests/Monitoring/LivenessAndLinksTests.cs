using System.Globalization;
using AgentLive.Processes;
using AgentLive.Tests.Infrastructure;

namespace AgentLive.Tests.Monitoring;

public sealed class LivenessAndLinksTests
{
    private static readonly RealFixture ClaudeTool = RealFixture.Load("claude", "b_tool_echo");
    private const string ClaudeSession = "2888b61d-42ad-4c69-9f91-e136753c80c6";

    [LinuxTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_live_status_file_gives_a_pid_only_when_processes_are_detected(bool detect)
    {
        // A report naming this very process, started when it says: as alive as a report can be.
        await using var harness = new MonitorHarness(o => o.DetectProcesses = detect, now: new DateTimeOffset(2026, 11, 24, 0, 23, 5, TimeSpan.Zero));
        harness.Claude.Copy(ClaudeTool);
        int self = Environment.ProcessId;
        Assert.True(ProcessProbe.TryReadStartTime(self, out ulong start));
        Directory.CreateDirectory(Path.Combine(harness.Claude.Path, "sessions"));
        await File.WriteAllTextAsync(
            Path.Combine(harness.Claude.Path, "sessions", $"{self}.json"),
            $$"""{"pid":{{self}},"sessionId":"{{ClaudeSession}}","cwd":"/p","procStart":"{{start.ToString(CultureInfo.InvariantCulture)}}","status":"busy","statusUpdatedAt":1795479868339}""");

        await harness.Monitor.StartAsync();

        Assert.True(harness.Monitor.TryGetSession($"claude:{ClaudeSession}", out LiveSession? session));
        Assert.Equal(detect ? self : null, session.Pid);
    }

    [LinuxFact]
    public async Task A_symlinked_transcript_is_never_followed_whether_it_was_there_at_start_or_came_later()
    {
        using var outside = new TempDirectory();
        string target = Path.Combine(outside.Path, $"{ClaudeSession}.jsonl");
        File.Copy(ClaudeTool.Transcript, target);
        await using var harness = new MonitorHarness(o => o.UsePolling = false, now: new DateTimeOffset(2026, 11, 24, 0, 23, 5, TimeSpan.Zero));
        string before = harness.Claude.PlaceFor(ClaudeTool);
        File.CreateSymbolicLink(before, target);
        await harness.Monitor.StartAsync();

        string after = Path.Combine(Path.GetDirectoryName(before)!, "11111111-2222-3333-4444-555555555555.jsonl");
        File.CreateSymbolicLink(after, target);
        await harness.ReconcileAsync();
        Assert.Empty(harness.Monitor.GetSessions());

        // The monitor is live all the while: a real transcript beside the links is found.
        harness.Codex.Copy(RealFixture.Load("codex", "b_tool_echo"));
        await harness.ReconcileAsync();
        Assert.Equal("codex", Assert.Single(harness.Monitor.GetSessions()).Source);
    }

    [Fact]
    public async Task The_first_transcript_of_a_new_project_folder_is_seen_without_a_rescan()
    {
        await using var harness = new MonitorHarness(o => o.UsePolling = false, now: new DateTimeOffset(2026, 11, 24, 0, 23, 5, TimeSpan.Zero));
        await harness.Monitor.StartAsync();

        // A new folder and its first file back to back, as Claude Code writes a new project; the clock never moves.
        string path = harness.Claude.PlaceFor(ClaudeTool);
        File.Copy(ClaudeTool.Transcript, path);

        SessionDiscovered found = await harness.WaitForAsync<SessionDiscovered>(advance: false);
        Assert.Equal($"claude:{ClaudeSession}", found.Session.Id);
    }
}
