using AgentLive.Tests.Infrastructure;
using AgentLive.Tests.Monitoring;

namespace AgentLive.Tests.Replay;

/// <summary>
/// The recorded moments that have a process table, replayed with the real clients' processes and live status files:
/// every agent process there writes a transcript, so none is ever shown as not recorded, however long the monitor
/// runs; take the transcripts away and the same agents are.
/// </summary>
public sealed class NotRecordedReplayTests
{
    public static TheoryData<string> CheckpointsWithProcesses => new(RecordedCheckpoint.All().Where(c => c.ProcessSnapshot is not null).Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CheckpointsWithProcesses))]
    public async Task An_agent_whose_transcript_the_monitor_has_is_never_not_recorded(string name)
    {
        await using MonitorHarness harness = await CheckpointReplayTests.StartAtAsync(RecordedCheckpoint.Find(name));

        harness.Time.Advance(StatusThresholds.Default.NotRecordedAfter + TimeSpan.FromMinutes(1));
        await harness.ReconcileAsync();

        Assert.NotEmpty(harness.Monitor.GetSessions());
        Assert.DoesNotContain(harness.Monitor.GetSessions(), s => s.State.Kind == AgentStateKind.NotRecorded);
    }

    [Theory]
    [MemberData(nameof(CheckpointsWithProcesses))]
    public async Task The_same_agent_with_its_transcripts_gone_is_not_recorded(string name)
    {
        RecordedCheckpoint checkpoint = RecordedCheckpoint.Find(name);
        await using MonitorHarness harness = await CheckpointReplayTests.StartAtAsync(checkpoint);
        foreach (string transcript in Directory.EnumerateFiles(harness.Claude.Path, "*.jsonl", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(harness.Codex.Path, "*.jsonl", SearchOption.AllDirectories)))
        {
            File.Delete(transcript);
        }

        LiveSession session = (await harness.WaitForAsync<SessionDiscovered>(d => d.Session.State.Kind == AgentStateKind.NotRecorded)).Session;

        Assert.Equal(checkpoint.Client, session.Source);
        Assert.Equal(SessionStatus.Unknown, session.Status);
        Assert.NotNull(session.Pid);
        Assert.True(session.State.Evidence.HasFlag(StateEvidence.ProcessTree));

        // Claude Code's live status file names the session: the id stays the one its transcript gave it.
        if (checkpoint.Client == "claude")
        {
            Assert.True(session.State.Evidence.HasFlag(StateEvidence.LiveReport));
            Assert.DoesNotContain(":pid-", session.Id, StringComparison.Ordinal);
        }
    }
}
