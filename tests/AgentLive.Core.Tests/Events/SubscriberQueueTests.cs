using AgentLive.Events;

namespace AgentLive.Tests.Events;

/// <summary>
/// One subscriber's queue on its own: below capacity every update is handed out as it came; at capacity updates of a
/// session merge into the waiting one (keeping the <c>Previous</c> the subscriber last saw); a session's discovery or
/// completion starts a new lifecycle, whose updates never merge into updates queued before it.
/// </summary>
public sealed class SubscriberQueueTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static LiveSession Session(string id, int turn) => new()
    {
        Id = id,
        Source = "claude",
        SourceSessionId = id,
        FilePath = id + ".jsonl",
        State = new AgentState(AgentStateKind.Thinking, "Thinking"),
        TurnCount = turn,
    };

    private static SessionUpdated Updated(string id, int from, int to) =>
        new() { Timestamp = At.AddSeconds(to), Session = Session(id, to), Previous = Session(id, from) };

    private static SessionDiscovered Discovered(string id, int turn) => new() { Timestamp = At.AddSeconds(turn), Session = Session(id, turn) };

    private static SessionCompleted Completed(string id, int turn) => new() { Timestamp = At.AddSeconds(turn), Session = Session(id, turn) };

    private static async Task<List<SessionEvent>> DrainAsync(SubscriberQueue queue)
    {
        queue.Complete();
        var events = new List<SessionEvent>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await foreach (SessionEvent item in queue.ReadAllAsync(timeout.Token))
        {
            events.Add(item);
        }

        return events;
    }

    [Fact]
    public async Task Below_capacity_every_update_is_kept_in_order()
    {
        var queue = new SubscriberQueue(capacity: 10);

        Assert.False(queue.Enqueue(Updated("a", 0, 1)));
        Assert.False(queue.Enqueue(Updated("a", 1, 2)));
        Assert.False(queue.Enqueue(Updated("a", 2, 3)));

        List<SessionEvent> events = await DrainAsync(queue);
        Assert.Equal([1, 2, 3], events.Cast<SessionUpdated>().Select(u => u.Session.TurnCount));
        Assert.Equal([0, 1, 2], events.Cast<SessionUpdated>().Select(u => u.Previous.TurnCount));
    }

    [Fact]
    public async Task At_capacity_updates_of_a_session_merge_and_keep_the_previous_the_subscriber_saw()
    {
        var queue = new SubscriberQueue(capacity: 2);

        Assert.False(queue.Enqueue(Updated("a", 0, 1)));
        Assert.False(queue.Enqueue(Updated("b", 0, 1)));
        Assert.True(queue.Enqueue(Updated("a", 1, 2)));
        Assert.True(queue.Enqueue(Updated("a", 2, 3)));

        List<SessionEvent> events = await DrainAsync(queue);
        SessionUpdated a = Assert.IsType<SessionUpdated>(events[0]);
        Assert.Equal(2, events.Count);
        Assert.Equal(("a", 3, 0), (a.Session.Id, a.Session.TurnCount, a.Previous.TurnCount));
        Assert.Equal("b", ((SessionUpdated)events[1]).Session.Id);
    }

    [Fact]
    public async Task An_update_after_a_rediscovery_never_merges_into_one_queued_before_it()
    {
        var queue = new SubscriberQueue(capacity: 1);

        queue.Enqueue(Updated("a", 0, 1));
        queue.Enqueue(Discovered("a", 10));
        Assert.False(queue.Enqueue(Updated("a", 10, 11)));

        List<SessionEvent> events = await DrainAsync(queue);
        Assert.Equal(3, events.Count);
        Assert.Equal(1, Assert.IsType<SessionUpdated>(events[0]).Session.TurnCount);
        Assert.IsType<SessionDiscovered>(events[1]);
        SessionUpdated after = Assert.IsType<SessionUpdated>(events[2]);
        Assert.Equal((11, 10), (after.Session.TurnCount, after.Previous.TurnCount));
    }

    [Fact]
    public async Task An_update_after_a_completion_never_merges_into_one_queued_before_it()
    {
        var queue = new SubscriberQueue(capacity: 1);

        queue.Enqueue(Updated("a", 0, 1));
        queue.Enqueue(Completed("a", 2));
        Assert.False(queue.Enqueue(Updated("a", 2, 3)));

        List<SessionEvent> events = await DrainAsync(queue);
        Assert.Equal(3, events.Count);
        Assert.Equal(1, Assert.IsType<SessionUpdated>(events[0]).Session.TurnCount);
        Assert.IsType<SessionCompleted>(events[1]);
        Assert.Equal(3, Assert.IsType<SessionUpdated>(events[2]).Session.TurnCount);
    }

    [Fact]
    public async Task Discoveries_and_completions_are_never_dropped_past_capacity()
    {
        var queue = new SubscriberQueue(capacity: 1);

        queue.Enqueue(Discovered("a", 0));
        queue.Enqueue(Discovered("b", 0));
        queue.Enqueue(Completed("a", 1));
        queue.Enqueue(Completed("b", 1));

        List<SessionEvent> events = await DrainAsync(queue);
        Assert.Equal(4, events.Count);
    }
}
