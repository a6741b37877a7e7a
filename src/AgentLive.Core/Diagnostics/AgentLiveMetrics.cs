using System.Diagnostics.Metrics;
using System.Text.Json;

namespace AgentLive.Diagnostics;

/// <summary>
/// One monitor's instruments, all under one meter named for the package. The meter comes from the options'
/// <see cref="IMeterFactory"/> where there is one (so a host's metrics pipeline and a test each see their own
/// monitor's measurements), else it is the monitor's own.
/// </summary>
internal sealed class AgentLiveMetrics : IDisposable
{
    /// <summary>The meter's name: listen to it with a <see cref="MeterListener"/> or <c>dotnet-counters</c>.</summary>
    public const string MeterName = "AgentLive";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    public AgentLiveMetrics(IMeterFactory? factory)
    {
        var options = new MeterOptions(MeterName) { Version = typeof(AgentLiveMetrics).Assembly.GetName().Version?.ToString() };
        _ownsMeter = factory is null;
        _meter = factory?.Create(options) ?? new Meter(options);
        LinesRead = _meter.CreateCounter<long>("agentlive.tail.lines", "{line}", "Complete lines read from transcripts.");
        BytesRead = _meter.CreateCounter<long>("agentlive.tail.bytes", "By", "Bytes of complete lines read from transcripts.");
        Resets = _meter.CreateCounter<long>("agentlive.tail.resets", "{reset}", "Transcripts re-read from the start after a truncation, rewrite or replacement.");
        OversizedLines = _meter.CreateCounter<long>("agentlive.tail.oversized_lines", "{line}", "Lines skipped for exceeding the line length limit.");
        MalformedLines = _meter.CreateCounter<long>("agentlive.lines.malformed", "{line}", "Complete lines that were not valid JSON objects.");
        UnknownShapeLines = _meter.CreateCounter<long>(
            "agentlive.lines.unknown_shapes",
            "{line}",
            "Lines holding a line type, field or value their source does not know, by source, kind (line_type, field, value), name and client_version.");
        EventsPublished = _meter.CreateCounter<long>("agentlive.events.published", "{event}", "Events handed to subscribers (counted once per subscriber).");
        EventsCoalesced = _meter.CreateCounter<long>("agentlive.events.coalesced", "{event}", "Events that replaced an older one waiting for a slow subscriber.");
        WatcherErrors = _meter.CreateCounter<long>("agentlive.watcher.errors", "{error}", "File watcher failures, each followed by a full rescan.");
        ReadErrors = _meter.CreateCounter<long>("agentlive.tail.read_errors", "{error}", "Reads that ended because a transcript was missing or unreadable.");
        Tokens = _meter.CreateCounter<long>("agentlive.tokens", "{token}", "Tokens sessions used, as the monitor saw them grow, by source, model and type (input, output, cache_read, cache_creation).");
        Cost = _meter.CreateCounter<double>("agentlive.cost.usd", "{USD}", "Cost of the tokens sessions used (list prices, where the model's price is known), by source and model.");
    }

    /// <summary>Gets the meter the instruments belong to.</summary>
    public Meter Meter => _meter;

    public Counter<long> LinesRead { get; }

    public Counter<long> BytesRead { get; }

    public Counter<long> Resets { get; }

    public Counter<long> OversizedLines { get; }

    public Counter<long> MalformedLines { get; }

    public Counter<long> UnknownShapeLines { get; }

    public Counter<long> EventsPublished { get; }

    public Counter<long> EventsCoalesced { get; }

    public Counter<long> WatcherErrors { get; }

    public Counter<long> ReadErrors { get; }

    public Counter<long> Tokens { get; }

    public Counter<double> Cost { get; }

    /// <summary>Reports the current sessions through two gauges: <c>agentlive.sessions</c> by source and status,
    /// <c>agentlive.sessions.needs_you</c> by source.</summary>
    public void ObserveSessions(Func<IReadOnlyList<LiveSession>> sessions)
    {
        _meter.CreateObservableGauge("agentlive.sessions", () => CountByStatus(sessions()), "{session}", "Current sessions by source and status (working, needs_you, done, unknown).");
        _meter.CreateObservableGauge(
            "agentlive.sessions.needs_you",
            () => sessions()
                .GroupBy(s => s.Source, StringComparer.Ordinal)
                .Select(g => new Measurement<int>(g.Count(s => s.NeedsYou), new KeyValuePair<string, object?>("source", g.Key))),
            "{session}",
            "Current sessions waiting for the user, by source.");
    }

    /// <summary>Counts what a session used between two snapshots (from nothing when it was just discovered).</summary>
    public void RecordUsage(LiveSession? before, LiveSession after)
    {
        if (!Tokens.Enabled && !Cost.Enabled)
        {
            return;
        }

        var source = new KeyValuePair<string, object?>("source", after.Source);
        var model = new KeyValuePair<string, object?>("model", after.Model ?? "unknown");
        TokenUsage was = before?.Tokens ?? default;
        Add(after.Tokens.Input - was.Input, "input");
        Add(after.Tokens.Output - was.Output, "output");
        Add(after.Tokens.CacheRead - was.CacheRead, "cache_read");
        Add(after.Tokens.CacheCreation - was.CacheCreation, "cache_creation");
        decimal cost = (after.CostUsd ?? 0) - (before?.CostUsd ?? 0);
        if (after.CostUsd is not null && cost > 0)
        {
            Cost.Add((double)cost, source, model);
        }

        void Add(long delta, string type)
        {
            if (delta > 0)
            {
                Tokens.Add(delta, source, model, new KeyValuePair<string, object?>("type", type));
            }
        }
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private static IEnumerable<Measurement<int>> CountByStatus(IReadOnlyList<LiveSession> sessions)
    {
        // Every status of every source present, zeros included, so a series drops to 0 rather than vanishing.
        var counts = new Dictionary<(string Source, SessionStatus Status), int>();
        foreach (LiveSession session in sessions)
        {
            foreach (SessionStatus status in Enum.GetValues<SessionStatus>())
            {
                counts.TryAdd((session.Source, status), 0);
            }

            counts[(session.Source, session.Status)]++;
        }

        return counts.Select(c => new Measurement<int>(
            c.Value,
            new KeyValuePair<string, object?>("source", c.Key.Source),
            new KeyValuePair<string, object?>("status", JsonNamingPolicy.SnakeCaseLower.ConvertName(c.Key.Status.ToString()))));
    }
}
