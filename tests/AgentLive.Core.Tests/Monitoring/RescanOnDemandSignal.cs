using AgentLive.Monitoring;

namespace AgentLive.Tests.Monitoring;

/// <summary>
/// A change signal for tests: another signal's notifications and ticks, plus a rescan a test asks for and awaits
/// (the deterministic way to move a monitor on).
/// </summary>
internal sealed class RescanOnDemandSignal : IChangeSignal
{
    private readonly IChangeSignal _inner;
    private IChangeListener? _listener;

    public RescanOnDemandSignal(IChangeSignal inner) => _inner = inner;

    /// <summary>Runs a full pass now and waits for it, its reads included.</summary>
    public Task RescanAsync() => _listener?.RescanAsync() ?? throw new InvalidOperationException("The monitor has not started.");

    public void Start(IChangeListener listener)
    {
        _listener = listener;
        _inner.Start(listener);
    }

    public void Watch(IEnumerable<string> directories) => _inner.Watch(directories);

    public void Dispose() => _inner.Dispose();
}
