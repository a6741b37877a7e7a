namespace AgentLive.Monitoring;

/// <summary>No notifications: a rescan at every interval, on the monitor's clock. For file systems that do not notify.</summary>
internal sealed class PollingChangeSignal : IChangeSignal
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private ITimer? _timer;

    public PollingChangeSignal(TimeProvider time, TimeSpan interval)
    {
        _time = time;
        _interval = interval;
    }

    public void Start(IChangeListener listener) =>
        _timer ??= _time.CreateTimer(static state => _ = ((IChangeListener)state!).RescanAsync(), listener, _interval, _interval);

    public void Watch(IEnumerable<string> directories)
    {
        // Every rescan lists every directory: nothing to arm.
    }

    public void Dispose() => _timer?.Dispose();
}
