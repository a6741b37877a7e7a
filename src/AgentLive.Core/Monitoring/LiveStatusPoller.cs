using AgentLive.Sources;
using Microsoft.Extensions.Logging;

namespace AgentLive.Monitoring;

/// <summary>
/// Reads the sources' own live reports of their running sessions and keeps those whose process the process table
/// shows running; with process detection off it keeps none, since nothing could tell a live report from a stale one.
/// </summary>
internal sealed class LiveStatusPoller
{
    private readonly ISessionSource[] _sources;
    private readonly IProcessScanner? _scanner;
    private readonly ILogger _logger;
    private volatile IReadOnlyDictionary<string, LiveStatusEntry> _current = new Dictionary<string, LiveStatusEntry>();

    public LiveStatusPoller(ISessionSource[] sources, IProcessScanner? scanner, ILogger logger)
    {
        _sources = sources;
        _scanner = scanner;
        _logger = logger;
    }

    /// <summary>Gets the believed reports by session key, as of the last refresh.</summary>
    public IReadOnlyDictionary<string, LiveStatusEntry> Current => _current;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (_scanner is null)
        {
            return;
        }

        var status = new Dictionary<string, LiveStatusEntry>(StringComparer.Ordinal);
        foreach (ISessionSource source in _sources)
        {
            try
            {
                foreach (LiveStatusEntry entry in await source.ReadLiveStatusAsync(cancellationToken).ConfigureAwait(false))
                {
                    // A crash leaves its report behind, and its pid may run something else by now.
                    if (_scanner.Find(entry.Pid) is not { } process || (entry.ProcessStartTicks is { } ticks && ticks != process.StartTicks))
                    {
                        continue;
                    }

                    string key = $"{source.Name}:{entry.SessionId}";
                    if (!status.TryGetValue(key, out LiveStatusEntry? known) || entry.UpdatedAt > known.UpdatedAt)
                    {
                        status[key] = entry;
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                MonitorLog.LiveStatusFailed(_logger, e, source.Name);
            }
        }

        _current = status;
    }
}
