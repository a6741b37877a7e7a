using System.Diagnostics.Metrics;
using AgentLive.Sources;
using Microsoft.Extensions.Logging;

namespace AgentLive;

/// <summary>Settings for a <see cref="SessionMonitor"/>. Every value has a default; validated when set.</summary>
public sealed class SessionMonitorOptions
{
    private TimeSpan _lookBack = TimeSpan.FromHours(24);
    private TimeSpan _reconcileInterval = TimeSpan.FromSeconds(2);
    private TimeSpan _completedGracePeriod = TimeSpan.FromMinutes(10);
    private int _maxConcurrentReads = Math.Max(2, Environment.ProcessorCount);
    private int _subscriberQueueCapacity = 1024;
    private TimeSpan _processScanInterval = TimeSpan.FromSeconds(2);
    private TimeSpan _stopTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Gets the sources to monitor.</summary>
    /// <value>
    /// By default the built-in sources (<c>AgentLive.Sources</c>), each with its default roots. Clear the list and add
    /// your own (or the built-in ones with other roots) to change that.
    /// </value>
    public IList<ISessionSource> Sources { get; } = BuiltInSources.Create();

    /// <summary>Gets or sets how far back the startup scan reads transcripts.</summary>
    /// <value>Positive. The default is 24 hours. Older transcripts are known but read only when they change.</value>
    public TimeSpan LookBack
    {
        get => _lookBack;
        set => _lookBack = Positive(value);
    }

    /// <summary>
    /// Gets or sets how often the monitor compares the transcripts in use with what it read, re-reads live status and
    /// re-derives every status from the clock; every 15th time (and with <see cref="UsePolling"/> every time) it lists
    /// every folder and compares every known transcript, the safety net under file watching.
    /// </summary>
    /// <value>Positive. The default is 2 seconds.</value>
    public TimeSpan ReconcileInterval
    {
        get => _reconcileInterval;
        set => _reconcileInterval = Positive(value);
    }

    /// <summary>Gets or sets whether to do without file-system notifications and rely on the periodic reconcile alone.</summary>
    /// <value>The default is <see langword="false"/>. Use it for file systems that do not notify (some network drives, WSL mounts).</value>
    public bool UsePolling { get; set; }

    /// <summary>Gets or sets how long a done session stays listed before it is removed with <see cref="SessionCompleted"/>.</summary>
    /// <value>Not negative. The default is 10 minutes.</value>
    public TimeSpan CompletedGracePeriod
    {
        get => _completedGracePeriod;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            _completedGracePeriod = value;
        }
    }

    /// <summary>Gets or sets how many transcripts are read at the same time (one file is never read concurrently).</summary>
    /// <value>At least 1. The default is the processor count, at least 2.</value>
    public int MaxConcurrentReads
    {
        get => _maxConcurrentReads;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxConcurrentReads = value;
        }
    }

    /// <summary>
    /// Gets or sets how many events a subscriber may have waiting before updates of the same session are merged (the
    /// newest snapshot replaces the older); discoveries and completions are never dropped.
    /// </summary>
    /// <value>At least 1. The default is 1024.</value>
    public int SubscriberQueueCapacity
    {
        get => _subscriberQueueCapacity;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _subscriberQueueCapacity = value;
        }
    }

    /// <summary>Gets or sets the time limits that turn silence into a status.</summary>
    /// <value>The default is <see cref="StatusThresholds.Default"/>.</value>
    public StatusThresholds StatusThresholds { get; set; } = StatusThresholds.Default;

    /// <summary>Gets or sets the longest transcript line read; longer lines are skipped with a diagnostic.</summary>
    /// <value>The default is 64 MiB.</value>
    public int MaxLineBytes { get; set; } = Tailing.TailReaderOptions.DefaultMaxLineBytes;

    /// <summary>Gets or sets whether agent processes are found and matched to sessions (for pids, liveness and stopping).</summary>
    /// <value>The default is <see langword="true"/>. Without it, liveness comes from transcripts and file age alone.</value>
    public bool DetectProcesses { get; set; } = true;

    /// <summary>Gets or sets how often the process table is scanned (off the read path, on its own timer).</summary>
    /// <value>Positive. The default is 2 seconds.</value>
    public TimeSpan ProcessScanInterval
    {
        get => _processScanInterval;
        set => _processScanInterval = Positive(value);
    }

    /// <summary>Gets or sets the process table reader.</summary>
    /// <value>The default, <see langword="null"/>, reads <c>/proc</c> on Linux and the portable process API elsewhere.</value>
    public IProcessScanner? ProcessScanner { get; set; }

    /// <summary>Gets or sets how long a stop waits for the agent to exit after SIGTERM (and again after SIGKILL).</summary>
    /// <value>Positive. The default is 5 seconds.</value>
    public TimeSpan StopTimeout
    {
        get => _stopTimeout;
        set => _stopTimeout = Positive(value);
    }

    /// <summary>Gets or sets whether a stop sends SIGKILL to an agent that outlived <see cref="StopTimeout"/>.</summary>
    /// <value>The default is <see langword="false"/>: an agent that ignores SIGTERM is reported, not killed.</value>
    public bool KillAfterStopTimeout { get; set; }

    /// <summary>Gets or sets the clock.</summary>
    /// <value>The default, <see langword="null"/>, is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Gets or sets where the monitor's meter (<c>AgentLive</c>) comes from.</summary>
    /// <value>
    /// The default, <see langword="null"/>, gives the monitor a meter of its own. A host with dependency injection
    /// passes its <see cref="IMeterFactory"/>, so its metrics pipeline (OpenTelemetry, <c>dotnet-counters</c>) sees this
    /// monitor's measurements apart from any other's.
    /// </value>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>Gets or sets where diagnostics go (malformed lines, resets, watcher errors).</summary>
    /// <value>The default, <see langword="null"/>, logs nothing.</value>
    public ILoggerFactory? LoggerFactory { get; set; }

    private static TimeSpan Positive(TimeSpan value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
        return value;
    }
}
