using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentLive.Hosting;

/// <summary>Starts the <see cref="SessionMonitor"/> with the host (its startup scan), and logs how it went.</summary>
/// <remarks>The container disposes the monitor when the host shuts down, which ends every enumeration.</remarks>
internal sealed partial class AgentLiveHostedService : IHostedService
{
    private readonly SessionMonitor _monitor;
    private readonly ILogger<AgentLiveHostedService> _logger;

    public AgentLiveHostedService(SessionMonitor monitor, ILogger<AgentLiveHostedService> logger)
    {
        _monitor = monitor;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _monitor.StartAsync(cancellationToken).ConfigureAwait(false);
        LogStarted(_logger, _monitor.GetSessions().Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(4001, LogLevel.Information, "AgentLive is watching {Count} sessions.")]
    private static partial void LogStarted(ILogger logger, int count);
}
