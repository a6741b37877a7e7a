using AgentLive.Monitoring;
using AgentLive.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AgentLive.Tests.Monitoring.Signals;

/// <summary>
/// What every change signal guarantees, run against each implementation (as <c>ChannelTestBase</c> is for channels):
/// the monitor may rely on nothing more.
/// </summary>
public abstract class ChangeSignalContractTests : IDisposable
{
    protected static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly TempDirectory _dir = new();

    protected FakeTimeProvider Time { get; } = new();

    protected string Root => _dir.Path;

    /// <summary>Gets whether the signal names changed paths as they happen (rather than only asking for rescans).</summary>
    protected abstract bool NotifiesChanges { get; }

    /// <summary>Gets how many intervals may pass before a full rescan: 1 for a signal that sees nothing between.</summary>
    protected abstract int MaxIntervalsBetweenRescans { get; }

    public void Dispose()
    {
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Every_interval_it_asks_for_a_pass_now_and_then_a_full_rescan_and_after_disposal_nothing()
    {
        var listener = new RecordingListener();
        IChangeSignal signal = Create();
        signal.Start(listener);
        signal.Watch([Root]);

        Time.Advance(Interval);
        Assert.Single(listener.Drain(), s => s is RecordingListener.Rescan or RecordingListener.Refresh);
        for (int i = 0; i < MaxIntervalsBetweenRescans; i++)
        {
            Time.Advance(Interval);
        }

        Assert.Contains(RecordingListener.Rescan, listener.Drain());

        signal.Dispose();
        Time.Advance(Interval * 3);
        Assert.Empty(listener.Drain());
    }

    [Fact]
    public async Task A_file_written_in_a_watched_directory_is_noticed()
    {
        var listener = new RecordingListener();
        using IChangeSignal signal = Create();
        signal.Start(listener);
        signal.Watch([Root]);
        string path = Path.Combine(Root, "s1.jsonl");

        await File.WriteAllTextAsync(path, "{}\n");

        await NoticedAsync(listener, path);
    }

    [Fact]
    public async Task A_directory_that_does_not_exist_yet_is_noticed_when_it_appears()
    {
        var listener = new RecordingListener();
        using IChangeSignal signal = Create();
        signal.Start(listener);
        string later = Path.Combine(Root, "later", "projects");
        signal.Watch([later]);

        Directory.CreateDirectory(later);

        // Appearing is never a single path's change: the monitor lists it whole.
        if (NotifiesChanges)
        {
            await listener.WaitForAsync(s => s == RecordingListener.Rescan);
        }
        else
        {
            Time.Advance(Interval);
            Assert.Contains(RecordingListener.Rescan, listener.Drain());
        }
    }

    private protected abstract IChangeSignal Create();

    /// <summary>A signal that notifies must name the path without the clock moving; one that polls asks for a rescan on its tick.</summary>
    private protected async Task NoticedAsync(RecordingListener listener, string path)
    {
        if (NotifiesChanges)
        {
            await listener.WaitForAsync(s => s == path);
        }
        else
        {
            Time.Advance(Interval);
            Assert.Contains(RecordingListener.Rescan, listener.Drain());
        }
    }
}
