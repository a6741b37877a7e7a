using System.Diagnostics.Metrics;
using AgentLive.Diagnostics;
using AgentLive.Monitoring;

namespace AgentLive.Tests.Diagnostics;

/// <summary>The session gauges and the usage counters of a monitor's <c>AgentLive</c> meter (this test's own meter,
/// so monitors of other tests running at the same time do not count).</summary>
public sealed class SessionMetricsTests : IDisposable
{
    private readonly string _source = "metrics-" + Guid.NewGuid().ToString("N")[..8];
    private readonly AgentLiveMetrics _metrics = new(null);
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _seen = [];

    public SessionMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == _metrics.Meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _metrics.Dispose();
    }

    [Fact]
    public void The_gauges_count_sessions_by_source_and_status_and_those_that_need_you()
    {
        var board = new SessionBoard(TimeProvider.System, 16, _metrics);
        board.Upsert(Session("a", AgentStateKind.Thinking));
        board.Upsert(Session("b", AgentStateKind.TaskComplete));
        board.Upsert(Session("c", AgentStateKind.AwaitingPermission));

        _listener.RecordObservableInstruments();

        Assert.Equal(1, Gauge("agentlive.sessions", "working"));
        Assert.Equal(2, Gauge("agentlive.sessions", "needs_you"));
        Assert.Equal(0, Gauge("agentlive.sessions", "done"));
        Assert.Equal(2, Gauge("agentlive.sessions.needs_you", null));

        board.Upsert(Session("c", AgentStateKind.SessionEnded));
        _listener.RecordObservableInstruments();
        Assert.Equal(1, Gauge("agentlive.sessions", "done"));
        Assert.Equal(1, Gauge("agentlive.sessions.needs_you", null));
    }

    [Fact]
    public void Tokens_and_cost_count_what_each_snapshot_added()
    {
        var board = new SessionBoard(TimeProvider.System, 16, _metrics);
        LiveSession first = Session("a", AgentStateKind.Thinking) with { Tokens = new TokenUsage(10, 5, 0, 0, 0), CostUsd = 0.25m };
        board.Upsert(first);
        board.Upsert(first with { Tokens = new TokenUsage(25, 5, 100, 0, 0), CostUsd = 0.75m, State = new AgentState(AgentStateKind.ToolRunning, "Bash") });

        Assert.Equal(25, Sum("agentlive.tokens", "input"));
        Assert.Equal(5, Sum("agentlive.tokens", "output"));
        Assert.Equal(100, Sum("agentlive.tokens", "cache_read"));
        Assert.Equal(0.75, Sum("agentlive.cost.usd", null), 6);
        Assert.All(Seen().Where(m => m.Instrument == "agentlive.tokens"), m => Assert.Equal("claude-test", m.Tags["model"]));
        board.Complete();
    }

    private LiveSession Session(string id, AgentStateKind kind) => new()
    {
        Id = $"{_source}:{id}",
        Source = _source,
        SourceSessionId = id,
        FilePath = $"/nowhere/{id}.jsonl",
        State = new AgentState(kind, kind.ToString()),
        Model = "claude-test",
        LastActivityAt = DateTimeOffset.UtcNow,
    };

    private List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Seen()
    {
        lock (_seen)
        {
            return [.. _seen];
        }
    }

    private double Gauge(string instrument, string? status) => Seen()
        .Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault("source"), _source)
            && (status is null || Equals(m.Tags.GetValueOrDefault("status"), status)))
        .Select(m => m.Value)
        .DefaultIfEmpty(double.NaN)
        .Last();

    private double Sum(string instrument, string? type) => Seen()
        .Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault("source"), _source)
            && (type is null || Equals(m.Tags.GetValueOrDefault("type"), type)))
        .Sum(m => m.Value);

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        bool ours = false;
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            ours |= tag.Key == "source" && Equals(tag.Value, _source);
        }

        if (!ours)
        {
            return;
        }

        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_seen)
        {
            _seen.Add((instrument.Name, value, copy));
        }
    }
}
