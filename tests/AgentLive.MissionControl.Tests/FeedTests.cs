using System.Net.ServerSentEvents;

namespace AgentLive.MissionControl.Tests;

/// <summary>The shared feed behind every event stream: bounded replay, bounded client queues, heartbeats.</summary>
public sealed class FeedTests : IAsyncLifetime
{
    private readonly TestRoots _roots = new(copyRecordings: false);
    private LiveFeed _feed = null!;

    public async Task InitializeAsync()
    {
        await _roots.Monitor.StartAsync();
        _feed = new LiveFeed(_roots.Monitor, new MissionControlOptions { ClientQueueCapacity = 4, ReplayCapacity = 8, HeartbeatInterval = TimeSpan.FromMilliseconds(100) });
    }

    public async Task DisposeAsync()
    {
        _feed.Dispose();
        await _roots.DisposeAsync();
    }

    [Fact]
    public async Task A_client_that_falls_behind_gets_a_resync_and_publishing_never_waits_for_it()
    {
        await using IAsyncEnumerator<SseItem<string>> client = _feed.StreamAsync(null, CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await client.MoveNextAsync());
        Assert.Equal("snapshot", client.Current.EventType);

        // Far more events than the client's queue holds, while it reads nothing: every publish returns at once.
        for (int i = 0; i < 100; i++)
        {
            _feed.Publish(Discovered($"s{i}"));
        }

        Assert.True(await client.MoveNextAsync());
        Assert.Equal("resync", client.Current.EventType);
        Assert.Contains("\"test:s99\"", client.Current.Data, StringComparison.Ordinal);
        Assert.Equal($"{_feed.RunId}-100", client.Current.EventId);
    }

    [Fact]
    public async Task Resuming_within_the_replay_log_replays_and_beyond_it_resyncs()
    {
        for (int i = 0; i < 20; i++)
        {
            _feed.Publish(Discovered($"s{i}"));
        }

        await using (IAsyncEnumerator<SseItem<string>> recent = _feed.StreamAsync($"{_feed.RunId}-17", CancellationToken.None).GetAsyncEnumerator())
        {
            Assert.True(await recent.MoveNextAsync());
            Assert.Equal("discovered", recent.Current.EventType);
            Assert.Equal($"{_feed.RunId}-18", recent.Current.EventId);
            Assert.Contains("\"test:s17\"", recent.Current.Data, StringComparison.Ordinal);
        }

        await using IAsyncEnumerator<SseItem<string>> old = _feed.StreamAsync($"{_feed.RunId}-3", CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await old.MoveNextAsync());
        Assert.Equal("resync", old.Current.EventType);
    }

    [Fact]
    public async Task A_drift_notice_goes_out_as_its_own_event_and_leaves_the_summary_alone()
    {
        await using IAsyncEnumerator<SseItem<string>> client = _feed.StreamAsync(null, CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await client.MoveNextAsync());
        string snapshot = client.Current.Data;

        _feed.Publish(new FormatDriftDetected { Timestamp = DateTimeOffset.UnixEpoch, Source = "test", SessionId = "test:s1", Kind = UnknownShapeKind.Field, Name = "sparkle", ClientVersion = "9.9" });

        // Heartbeats may come first on a busy machine.
        do
        {
            Assert.True(await client.MoveNextAsync());
        }
        while (client.Current.EventType == "heartbeat");

        Assert.Equal("format_drift", client.Current.EventType);
        Assert.Contains("\"name\":\"sparkle\"", client.Current.Data, StringComparison.Ordinal);
        await using IAsyncEnumerator<SseItem<string>> later = _feed.StreamAsync(null, CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await later.MoveNextAsync());
        Assert.Equal(snapshot, later.Current.Data);
    }

    [Fact]
    public async Task An_idle_stream_sends_heartbeats()
    {
        await using IAsyncEnumerator<SseItem<string>> client = _feed.StreamAsync(null, CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await client.MoveNextAsync());

        Assert.True(await client.MoveNextAsync().AsTask().WaitAsync(TestRoots.Patience));
        Assert.Equal("heartbeat", client.Current.EventType);
        Assert.Null(client.Current.EventId);
    }

    private static SessionDiscovered Discovered(string id) => new()
    {
        Timestamp = DateTimeOffset.UtcNow,
        Session = new LiveSession
        {
            Id = $"test:{id}",
            Source = "test",
            SourceSessionId = id,
            FilePath = $"/nowhere/{id}.jsonl",
            State = new AgentState(AgentStateKind.Thinking, "Thinking"),
        },
    };
}
