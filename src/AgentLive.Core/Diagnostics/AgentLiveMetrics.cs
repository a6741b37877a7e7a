using System.Diagnostics.Metrics;

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
        EventsPublished = _meter.CreateCounter<long>("agentlive.events.published", "{event}", "Events handed to subscribers (counted once per subscriber).");
        EventsCoalesced = _meter.CreateCounter<long>("agentlive.events.coalesced", "{event}", "Events that replaced an older one waiting for a slow subscriber.");
        WatcherErrors = _meter.CreateCounter<long>("agentlive.watcher.errors", "{error}", "File watcher failures, each followed by a full rescan.");
        ReadErrors = _meter.CreateCounter<long>("agentlive.tail.read_errors", "{error}", "Reads that ended because a transcript was missing or unreadable.");
    }

    /// <summary>Gets the meter the instruments belong to.</summary>
    public Meter Meter => _meter;

    public Counter<long> LinesRead { get; }

    public Counter<long> BytesRead { get; }

    public Counter<long> Resets { get; }

    public Counter<long> OversizedLines { get; }

    public Counter<long> MalformedLines { get; }

    public Counter<long> EventsPublished { get; }

    public Counter<long> EventsCoalesced { get; }

    public Counter<long> WatcherErrors { get; }

    public Counter<long> ReadErrors { get; }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
