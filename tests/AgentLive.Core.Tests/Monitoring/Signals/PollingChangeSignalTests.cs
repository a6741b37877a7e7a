using AgentLive.Monitoring;

namespace AgentLive.Tests.Monitoring.Signals;

public sealed class PollingChangeSignalTests : ChangeSignalContractTests
{
    protected override bool NotifiesChanges => false;

    protected override int MaxIntervalsBetweenRescans => 1;

    private protected override IChangeSignal Create() => new PollingChangeSignal(Time, Interval);
}
