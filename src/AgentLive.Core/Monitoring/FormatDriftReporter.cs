using System.Text.Json;
using AgentLive.Diagnostics;
using AgentLive.Sources;
using Microsoft.Extensions.Logging;

namespace AgentLive.Monitoring;

/// <summary>
/// Tells what the trackers did not know: a warning and a <see cref="FormatDriftDetected"/> once per source, kind,
/// name and client version, and every line that held one counted in <c>agentlive.lines.unknown_shapes</c>.
/// </summary>
/// <remarks>
/// Each tracker keeps a bounded number of names, but there is a tracker per file: past <see cref="MaxReported"/>
/// distinct ones the monitor reports no more, and counts further lines under the name <c>(more)</c>, so that neither
/// memory nor the metric's series grow without bound.
/// </remarks>
internal sealed class FormatDriftReporter
{
    public const int MaxReported = 256;

    private const string More = "(more)";

    private readonly object _gate = new();
    private readonly HashSet<(string Source, UnknownShapeKind Kind, string Name, string? ClientVersion)> _reported = [];
    private readonly SessionBoard _board;
    private readonly TimeProvider _time;
    private readonly AgentLiveMetrics _metrics;
    private readonly ILogger _logger;

    public FormatDriftReporter(SessionBoard board, TimeProvider time, AgentLiveMetrics metrics, ILogger logger)
    {
        _board = board;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Reports what the file's tracker has met since the last call (reads of one file never overlap).</summary>
    public void Report(TrackedFile file)
    {
        IReadOnlyList<UnknownShape> shapes = file.Tracker.UnknownShapes;
        if (shapes.Count == 0)
        {
            return;
        }

        // A tracker's entries keep their order and only grow: what was reported is one count per entry.
        List<long> reported = file.UnknownShapeLinesReported ??= [];
        for (int i = 0; i < shapes.Count; i++)
        {
            UnknownShape shape = shapes[i];
            if (i == reported.Count)
            {
                reported.Add(0);
            }

            if (shape.Lines > reported[i])
            {
                Report(file, shape, shape.Lines - reported[i]);
                reported[i] = shape.Lines;
            }
        }
    }

    private void Report(TrackedFile file, UnknownShape shape, long lines)
    {
        string source = file.Source.Name;
        var key = (source, shape.Kind, shape.Name, shape.ClientVersion);
        bool isNew;
        bool isReported;
        lock (_gate)
        {
            isNew = _reported.Count < MaxReported && _reported.Add(key);
            isReported = isNew || _reported.Contains(key);
        }

        string kind = JsonNamingPolicy.SnakeCaseLower.ConvertName(shape.Kind.ToString());
        _metrics.UnknownShapeLines.Add(
            lines,
            new("source", source),
            new("kind", kind),
            new("name", isReported ? shape.Name : More),
            new("client_version", shape.ClientVersion ?? "unknown"));
        if (isNew)
        {
            MonitorLog.FormatDrift(_logger, source, kind.Replace('_', ' '), shape.Name, shape.ClientVersion ?? "unknown", file.File.Path);
            _board.Announce(new FormatDriftDetected
            {
                Timestamp = _time.GetUtcNow(),
                Source = source,
                SessionId = file.SessionKey,
                Kind = shape.Kind,
                Name = shape.Name,
                ClientVersion = shape.ClientVersion,
            });
        }
    }
}
