using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace AgentLive.Events;

/// <summary>
/// One subscriber's events. Never blocks the publisher: past its capacity, a new update of a session replaces the
/// update of that session still waiting (a snapshot is a whole state, so nothing is lost); discoveries and completions
/// are always kept. At most one summary waits at any time.
/// </summary>
internal sealed class SubscriberQueue
{
    private readonly object _gate = new();
    private readonly LinkedList<SessionEvent> _events = new();
    private readonly Dictionary<string, LinkedListNode<SessionEvent>> _waitingUpdates = new(StringComparer.Ordinal);
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly int _capacity;
    private LinkedListNode<SessionEvent>? _waitingSummary;
    private bool _completed;

    public SubscriberQueue(int capacity) => _capacity = capacity;

    /// <summary>Adds an event; returns <see langword="true"/> when it replaced one already waiting.</summary>
    public bool Enqueue(SessionEvent item)
    {
        bool replaced = false;
        lock (_gate)
        {
            if (_completed)
            {
                return false;
            }

            switch (item)
            {
                case SessionUpdated update when _events.Count >= _capacity && _waitingUpdates.TryGetValue(update.Session.Id, out var waiting):
                    // The subscriber never sees the replaced snapshot, so the transition it sees starts where it left off.
                    waiting.Value = update with { Previous = ((SessionUpdated)waiting.Value).Previous };
                    replaced = true;
                    break;
                case SummaryChanged when _waitingSummary is not null:
                    _waitingSummary.Value = item;
                    replaced = true;
                    break;
                default:
                    LinkedListNode<SessionEvent> node = _events.AddLast(item);
                    Track(node);
                    break;
            }
        }

        _signal.Writer.TryWrite(true);
        return replaced;
    }

    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
        }

        _signal.Writer.TryComplete();
    }

    public async IAsyncEnumerable<SessionEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            while (TryDequeue(out SessionEvent? item))
            {
                yield return item;
            }

            if (!await _signal.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // Completed: hand out what is left, then end.
                while (TryDequeue(out SessionEvent? item))
                {
                    yield return item;
                }

                yield break;
            }

            _signal.Reader.TryRead(out _);
        }
    }

    private void Track(LinkedListNode<SessionEvent> node)
    {
        switch (node.Value)
        {
            case SessionUpdated update:
                _waitingUpdates[update.Session.Id] = node;
                break;

            // A session's lifecycle restarts: an update from before must not absorb one from after.
            case SessionDiscovered discovered:
                _waitingUpdates.Remove(discovered.Session.Id);
                break;
            case SessionCompleted completed:
                _waitingUpdates.Remove(completed.Session.Id);
                break;
            case SummaryChanged:
                _waitingSummary = node;
                break;
        }
    }

    private bool TryDequeue([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SessionEvent? item)
    {
        lock (_gate)
        {
            LinkedListNode<SessionEvent>? first = _events.First;
            if (first is null)
            {
                item = null;
                return false;
            }

            _events.RemoveFirst();
            item = first.Value;
            if (item is SessionUpdated update && _waitingUpdates.TryGetValue(update.Session.Id, out var waiting) && waiting == first)
            {
                _waitingUpdates.Remove(update.Session.Id);
            }
            else if (first == _waitingSummary)
            {
                _waitingSummary = null;
            }

            return true;
        }
    }
}
