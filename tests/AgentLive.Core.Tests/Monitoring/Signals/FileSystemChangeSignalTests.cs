using System.Collections.Concurrent;
using AgentLive.Diagnostics;
using AgentLive.Monitoring;
using AgentLive.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentLive.Tests.Monitoring.Signals;

public sealed class FileSystemChangeSignalTests : ChangeSignalContractTests
{
    private readonly ConcurrentBag<FaultyWatcher> _watchers = [];
    private readonly MetricRecorder _metrics = new();

    protected override bool NotifiesChanges => true;

    protected override int MaxIntervalsBetweenRescans => FileSystemChangeSignal.RescanEvery;

    [Fact]
    public async Task An_error_or_overflow_asks_for_a_rescan_and_is_counted()
    {
        var listener = new RecordingListener();
        using IChangeSignal signal = Create();
        signal.Start(listener);
        signal.Watch([Root]);

        _watchers.First(w => w.Watches == Root).RaiseError(new InternalBufferOverflowException());

        await listener.WaitForAsync(s => s == RecordingListener.Rescan);
        Assert.Equal(1, _metrics.Total("agentlive.watcher.errors"));
    }

    [Fact]
    public async Task A_failed_watch_is_armed_again_and_notifies_again()
    {
        var listener = new RecordingListener();
        using IChangeSignal signal = Create();
        signal.Start(listener);
        signal.Watch([Root]);
        _watchers.First(w => w.Watches == Root).RaiseError(new IOException("gone"));
        await listener.WaitForAsync(s => s == RecordingListener.Rescan);

        // Not at once (a watcher that fails at once would make a loop of rescans), but at the next interval's rescan.
        int made = _watchers.Count(w => w.Watches == Root);
        signal.Watch([Root]);
        Assert.Equal(made, _watchers.Count(w => w.Watches == Root));
        Time.Advance(Interval);
        signal.Watch([Root]);
        Assert.Equal(made + 1, _watchers.Count(w => w.Watches == Root));
        string path = Path.Combine(Root, "after.jsonl");
        await File.WriteAllTextAsync(path, "{}\n");

        await listener.WaitForAsync(s => s == path);
    }

    [Fact]
    public async Task A_watched_directory_deleted_and_created_again_is_watched_again_at_once()
    {
        string projects = Path.Combine(Root, "projects");
        Directory.CreateDirectory(projects);
        var listener = new RecordingListener();
        using IChangeSignal signal = Create();
        signal.Start(listener);
        signal.Watch([projects]);

        Directory.Delete(projects);
        Directory.CreateDirectory(projects);
        await listener.WaitForAsync(s => s == RecordingListener.Rescan);

        // No rescan has called Watch: the parent's watch arms it again by itself, a moment after the folder is back
        // (the rescan that follows lists what was written meanwhile). Files written from then on are named.
        using var deadline = new CancellationTokenSource(MonitorHarness.Patience);
        for (int i = 0; !deadline.IsCancellationRequested; i++)
        {
            string path = Path.Combine(projects, $"s{i}.jsonl");
            await File.WriteAllTextAsync(path, "{}\n");
            if (await listener.SawAsync(path, TimeSpan.FromMilliseconds(250)))
            {
                return;
            }
        }

        Assert.Fail("no file written in the folder created again was ever named");
    }

    [Fact]
    public async Task A_new_folder_is_named_so_its_first_file_can_be_found_at_once()
    {
        var listener = new RecordingListener();
        using IChangeSignal signal = Create();
        signal.Start(listener);
        signal.Watch([Root]);
        string folder = Path.Combine(Root, "-home-me-new-project");

        Directory.CreateDirectory(folder);

        await listener.WaitForAsync(s => s == folder);
    }

    private protected override IChangeSignal Create() => new FileSystemChangeSignal(
        directory =>
        {
            var watcher = new FaultyWatcher(directory, watches: directory);
            _watchers.Add(watcher);
            return watcher;
        },
        Time,
        Interval,
        new AgentLiveMetrics(_metrics.Factory),
        NullLogger.Instance);
}
