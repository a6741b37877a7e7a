using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace AgentLive.MissionControl;

/// <summary>
/// One subscription to the monitor feeding every browser: the current state, a bounded log of recent events for
/// clients that reconnect, and a bounded queue per client. Publishing never waits for a client: one that falls behind
/// by more than its queue is dropped to a fresh snapshot (<c>resync</c>) when it next reads.
/// </summary>
internal sealed class LiveFeed : IHostedService, IDisposable
{
    private readonly SessionMonitor _monitor;
    private readonly MissionControlOptions _options;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LiveSession> _sessions = new(StringComparer.Ordinal);
    private readonly Queue<FeedItem> _log = new();
    private readonly HashSet<Client> _clients = [];
    private readonly CancellationTokenSource _stopping = new();
    private SessionSummary? _summary;
    private long _sequence;
    private Task? _pump;

    public LiveFeed(SessionMonitor monitor, MissionControlOptions options)
    {
        _monitor = monitor;
        _options = options;
        RunId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    }

    /// <summary>Gets the prefix of this run's event ids: an id from another run always means a resync.</summary>
    public string RunId { get; }

    public int ClientCount
    {
        get
        {
            lock (_gate)
            {
                return _clients.Count;
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _pump ??= Task.Run(() => PumpAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_pump is not null)
        {
            await _pump.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>The event stream of one client: a snapshot (or what it missed since <paramref name="lastEventId"/>),
    /// then live events, with a heartbeat whenever it would otherwise stay silent.</summary>
    public async IAsyncEnumerable<SseItem<string>> StreamAsync(string? lastEventId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        CancellationToken token = linked.Token;
        var client = new Client(_options.ClientQueueCapacity);
        FeedItem first;
        List<FeedItem>? missed;
        lock (_gate)
        {
            missed = Missed(lastEventId);
            first = missed is null ? SnapshotLocked(lastEventId is null ? "snapshot" : "resync") : default;
            _clients.Add(client);
        }

        try
        {
            bool retrySent = false;
            SseItem<string> Item(FeedItem item)
            {
                var sse = new SseItem<string>(item.Data, item.Type) { EventId = item.Type == "heartbeat" ? null : Id(item.Sequence) };
                if (!retrySent)
                {
                    retrySent = true;
                    sse = sse with { ReconnectionInterval = TimeSpan.FromSeconds(2) };
                }

                return sse;
            }

            if (missed is null)
            {
                yield return Item(first);
            }
            else
            {
                foreach (FeedItem item in missed)
                {
                    yield return Item(item);
                }
            }

            while (!token.IsCancellationRequested)
            {
                if (client.Overflowed)
                {
                    FeedItem resync;
                    lock (_gate)
                    {
                        while (client.Queue.Reader.TryRead(out _))
                        {
                        }

                        client.Overflowed = false;
                        resync = SnapshotLocked("resync");
                    }

                    yield return Item(resync);
                    continue;
                }

                if (client.Queue.Reader.TryRead(out FeedItem next))
                {
                    yield return Item(next);
                    continue;
                }

                bool ready;
                using (var beat = CancellationTokenSource.CreateLinkedTokenSource(token))
                {
                    Task<bool> waiting = client.Queue.Reader.WaitToReadAsync(beat.Token).AsTask();
                    Task delay = Task.Delay(_options.HeartbeatInterval, _options.TimeProvider, beat.Token);
                    Task done = await Task.WhenAny(waiting, delay).ConfigureAwait(false);
                    ready = done == waiting && waiting.IsCompletedSuccessfully;
                    await beat.CancelAsync();
                    await Task.WhenAll(waiting, delay).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }

                if (token.IsCancellationRequested)
                {
                    break;
                }

                if (!ready && !client.Overflowed && !client.Queue.Reader.TryPeek(out _))
                {
                    string now = _options.TimeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                    yield return Item(new FeedItem(0, "heartbeat", $"{{\"timestamp\":\"{now}\"}}"));
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _clients.Remove(client);
            }
        }
    }

    /// <summary>Feeds one event into the state, the replay log and every client queue (for tests and the pump).</summary>
    internal void Publish(SessionEvent item)
    {
        (string type, LiveSession? session) = MonitorAccess.Describe(item);
        string data = AgentLiveJson.Serialize(item);
        lock (_gate)
        {
            if (type == "completed")
            {
                _sessions.Remove(session!.Id);
            }
            else if (session is not null)
            {
                _sessions[session.Id] = session;
            }
            else if (item is SummaryChanged changed)
            {
                _summary = changed.Summary;
            }

            var entry = new FeedItem(++_sequence, type, data);
            _log.Enqueue(entry);
            while (_log.Count > Math.Max(1, _options.ReplayCapacity))
            {
                _log.Dequeue();
            }

            foreach (Client client in _clients)
            {
                if (!client.Overflowed && !client.Queue.Writer.TryWrite(entry))
                {
                    client.Overflowed = true;
                }
            }
        }
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (SessionEvent item in _monitor.WatchAsync(cancellationToken).ConfigureAwait(false))
            {
                Publish(item);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private string Id(long sequence) => string.Create(CultureInfo.InvariantCulture, $"{RunId}-{sequence}");

    /// <summary>The logged events after <paramref name="lastEventId"/>, or <see langword="null"/> when they are not all
    /// there any more (or the id is from another run, or absent): then the client needs a snapshot.</summary>
    private List<FeedItem>? Missed(string? lastEventId)
    {
        if (lastEventId is null || !lastEventId.StartsWith(RunId + "-", StringComparison.Ordinal)
            || !long.TryParse(lastEventId.AsSpan(RunId.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long seen)
            || seen > _sequence)
        {
            return null;
        }

        if (seen == _sequence)
        {
            return [];
        }

        if (_log.Count == 0 || _log.Peek().Sequence > seen + 1)
        {
            return null;
        }

        return [.. _log.Where(e => e.Sequence > seen)];
    }

    private FeedItem SnapshotLocked(string type)
    {
        var json = new StringBuilder();
        json.Append("{\"sessions\":").Append(AgentLiveJson.Serialize([.. MonitorAccess.Ordered(_sessions.Values)]));
        json.Append(",\"summary\":").Append(_summary is null ? "null" : AgentLiveJson.Serialize(_summary));
        json.Append('}');
        return new FeedItem(_sequence, type, json.ToString());
    }

    private readonly record struct FeedItem(long Sequence, string Type, string Data);

    private sealed class Client(int capacity)
    {
        public Channel<FeedItem> Queue { get; } = Channel.CreateBounded<FeedItem>(
            new BoundedChannelOptions(Math.Max(1, capacity)) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

        public volatile bool Overflowed;
    }
}
