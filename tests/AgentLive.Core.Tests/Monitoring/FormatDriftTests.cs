using AgentLive.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace AgentLive.Tests.Monitoring;

/// <summary>How the monitor tells of shapes its sources do not know: one event and one warning each, every line counted.</summary>
public sealed class FormatDriftTests
{
    private const string SessionId = "claude:2888b61d-42ad-4c69-9f91-e136753c80c6";

    private static readonly RealFixture ClaudeTool = RealFixture.Load("claude", "b_tool_echo");

    private static byte[] Hologram(string version) =>
        System.Text.Encoding.UTF8.GetBytes($$"""{"type":"hologram","sessionId":"2888b61d-42ad-4c69-9f91-e136753c80c6","version":"{{version}}","timestamp":"2026-11-24T00:23:10Z"}""");

    [Fact]
    public async Task Repeated_unknown_lines_are_told_once_and_counted_each_and_a_new_client_version_is_told_again()
    {
        using var metrics = new MetricRecorder();
        await using var harness = new MonitorHarness(o => o.MeterFactory = metrics.Factory, now: new DateTimeOffset(2026, 11, 24, 0, 25, 40, TimeSpan.Zero));
        string path = harness.Claude.PlaceFor(ClaudeTool);
        await MonitorHarness.AppendAsync(path, [.. RealFixture.Lines(ClaudeTool.Transcript), Hologram("2.1.400"), Hologram("2.1.400")]);

        // Met by the first scan, before anyone subscribed: a subscriber still hears of it.
        FormatDriftDetected first = await harness.WaitForAsync<FormatDriftDetected>(advance: false);
        Assert.Equal(
            new FormatDriftDetected { Timestamp = first.Timestamp, Source = "claude", SessionId = SessionId, Kind = UnknownShapeKind.LineType, Name = "hologram", ClientVersion = "2.1.400" },
            first);
        Assert.Equal(2, metrics.Total("agentlive.lines.unknown_shapes"));

        await MonitorHarness.AppendAsync(path, [Hologram("2.1.400")]);
        await harness.ReconcileAsync();
        Assert.Equal(3, metrics.Total("agentlive.lines.unknown_shapes"));

        await MonitorHarness.AppendAsync(path, [Hologram("2.1.401")]);
        await harness.ReconcileAsync();
        FormatDriftDetected second = await harness.WaitForAsync<FormatDriftDetected>(advance: false);
        Assert.Equal("2.1.401", second.ClientVersion);
        Assert.Equal(2, harness.Seen.OfType<FormatDriftDetected>().Count());
        Assert.Equal(4, metrics.Total("agentlive.lines.unknown_shapes"));

        string[] warnings = [.. harness.Logs.Entries.Where(e => e.Id.Id == 3012).Select(e => e.Message)];
        Assert.Equal(2, warnings.Length);
        Assert.All(warnings, w => Assert.Contains("line type this version of AgentLive does not know: hologram", w, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, harness.Logs.Entries.First(e => e.Id.Id == 3012).Level);

        // The session itself is untouched: every token of the recording, as the server reported them.
        Assert.Equal(16091, harness.Monitor.GetSessions().Single().Tokens.Total);
    }

    [Fact]
    public async Task The_real_recordings_tell_of_no_drift()
    {
        await using var harness = new MonitorHarness(now: new DateTimeOffset(2026, 11, 24, 0, 25, 40, TimeSpan.Zero));
        foreach (string client in (string[])["claude", "codex"])
        {
            FixtureRoot root = client == "claude" ? harness.Claude : harness.Codex;
            foreach (string scenario in RealFixture.ScenarioNames(client))
            {
                root.Copy(RealFixture.Load(client, scenario));
            }
        }

        await harness.WaitForAsync<SummaryChanged>(advance: false);
        await harness.ReconcileAsync();

        Assert.Equal(RealFixture.ScenarioNames("claude").Count() + RealFixture.ScenarioNames("codex").Count(), harness.Monitor.GetSessions().Count);
        Assert.DoesNotContain(harness.Logs.Entries, e => e.Id.Id == 3012);
    }
}
