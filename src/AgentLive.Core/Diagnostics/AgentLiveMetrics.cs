using System.Diagnostics.Metrics;

namespace AgentLive.Diagnostics;

/// <summary>The library's instruments, all under one meter named for the package.</summary>
internal static class AgentLiveMetrics
{
    /// <summary>The meter's name: listen to it with a <see cref="MeterListener"/> or <c>dotnet-counters</c>.</summary>
    public const string MeterName = "AgentLive";

    private static readonly Meter Meter = new(MeterName, typeof(AgentLiveMetrics).Assembly.GetName().Version?.ToString());

    public static readonly Counter<long> LinesRead =
        Meter.CreateCounter<long>("agentlive.tail.lines", "{line}", "Complete lines read from transcripts.");

    public static readonly Counter<long> BytesRead =
        Meter.CreateCounter<long>("agentlive.tail.bytes", "By", "Bytes of complete lines read from transcripts.");

    public static readonly Counter<long> Resets =
        Meter.CreateCounter<long>("agentlive.tail.resets", "{reset}", "Transcripts re-read from the start after a truncation, rewrite or replacement.");

    public static readonly Counter<long> OversizedLines =
        Meter.CreateCounter<long>("agentlive.tail.oversized_lines", "{line}", "Lines skipped for exceeding the line length limit.");

    public static readonly Counter<long> MalformedLines =
        Meter.CreateCounter<long>("agentlive.lines.malformed", "{line}", "Complete lines that were not valid JSON objects.");

    public static readonly Counter<long> EventsPublished =
        Meter.CreateCounter<long>("agentlive.events.published", "{event}", "Events handed to subscribers (counted once per subscriber).");

    public static readonly Counter<long> EventsCoalesced =
        Meter.CreateCounter<long>("agentlive.events.coalesced", "{event}", "Events that replaced an older one waiting for a slow subscriber.");

    public static readonly Counter<long> WatcherErrors =
        Meter.CreateCounter<long>("agentlive.watcher.errors", "{error}", "File watcher failures, each followed by a full rescan.");

    public static readonly Counter<long> ReadErrors =
        Meter.CreateCounter<long>("agentlive.tail.read_errors", "{error}", "Reads that ended because a transcript was missing or unreadable.");
}
