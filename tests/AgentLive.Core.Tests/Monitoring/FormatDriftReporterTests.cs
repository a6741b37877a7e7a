using System.Diagnostics.Metrics;
using System.Text;
using AgentLive.Diagnostics;
using AgentLive.Events;
using AgentLive.Monitoring;
using AgentLive.Sources;
using AgentLive.Sources.Claude;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentLive.Tests.Monitoring;

/// <summary>The monitor's bound on drift: hostile transcripts cannot grow its notices or the counter's series without end.</summary>
public sealed class FormatDriftReporterTests : IDisposable
{
    private readonly AgentLiveMetrics _metrics = new(null);
    private readonly MeterListener _listener = new();
    private readonly List<(long Lines, string Name, string ClientVersion)> _counted = [];

    public FormatDriftReporterTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == _metrics.Meter && instrument.Name == "agentlive.lines.unknown_shapes")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            Dictionary<string, object?> named = tags.ToArray().ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
            _counted.Add((value, (string)named["name"]!, (string)named["client_version"]!));
        });
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _metrics.Dispose();
    }

    [Fact]
    public async Task Past_its_bound_the_monitor_tells_of_no_more_names_and_counts_their_lines_under_more()
    {
        var board = new SessionBoard(TimeProvider.System, 16, _metrics);
        var drift = new FormatDriftReporter(board, TimeProvider.System, _metrics, NullLogger.Instance);
        var source = new ClaudeSessionSource(new ClaudeSourceOptions { Roots = ["/nowhere"] });

        // Five transcripts of 64 made-up field names each: more than the monitor tells of.
        for (int f = 0; f < 5; f++)
        {
            var tracker = new ClaudeSessionTracker(new SessionFile($"/nowhere/projects/-p/s{f}.jsonl", SessionFileKind.Main, $"s{f}"), NullLogger.Instance);
            var file = new TrackedFile(tracker.File, source);
            file.Open(tracker);
            for (int i = 0; i < 64; i++)
            {
                tracker.OnLine(Encoding.UTF8.GetBytes($$"""{"type":"user","message":{"role":"user","content":"go"},"f{{f}}_{{i}}":1,"version":"2.1.400"}"""));
            }

            drift.Report(file);
            drift.Report(file);
        }

        SubscriberQueue queue = board.Subscribe();
        board.Complete();
        List<FormatDriftDetected> notices = [];
        await foreach (SessionEvent item in queue.ReadAllAsync(CancellationToken.None))
        {
            if (item is FormatDriftDetected notice)
            {
                notices.Add(notice);
            }
        }

        Assert.Equal(FormatDriftReporter.MaxReported, notices.Count);
        Assert.Equal("f0_0", notices[0].Name);
        Assert.Equal("claude:s0", notices[0].SessionId);
        Assert.Equal(320, _counted.Sum(c => c.Lines));
        Assert.Equal(320 - FormatDriftReporter.MaxReported, _counted.Where(c => c.Name == "(more)").Sum(c => c.Lines));
        Assert.All(_counted, c => Assert.Equal("2.1.400", c.ClientVersion));
    }
}
