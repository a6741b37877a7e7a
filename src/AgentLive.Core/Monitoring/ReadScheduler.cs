using System.Collections.Concurrent;

namespace AgentLive.Monitoring;

/// <summary>
/// Runs the reads of transcripts: never two of one file at once (a change during a read makes that read go round once
/// more), at most a bounded number at a time, and all of them drained when the monitor stops.
/// </summary>
internal sealed class ReadScheduler : IAsyncDisposable
{
    private readonly ConcurrentDictionary<TrackedFile, Task> _reads = new();
    private readonly SemaphoreSlim _slots;
    private readonly Func<TrackedFile, CancellationToken, Task> _read;
    private readonly CancellationTokenSource _stopping = new();

    /// <param name="maxConcurrentReads">How many files are read at the same time.</param>
    /// <param name="read">One read of one file; it reports its own failures.</param>
    public ReadScheduler(int maxConcurrentReads, Func<TrackedFile, CancellationToken, Task> read)
    {
        _slots = new SemaphoreSlim(maxConcurrentReads);
        _read = read;
    }

    /// <summary>Reads a file now, or, when a read of it runs, once more after that read.</summary>
    public void Schedule(TrackedFile file)
    {
        if (_stopping.IsCancellationRequested || !file.TryBeginRead())
        {
            return;
        }

        // Registered before it runs, and removed only by itself: a quick read cannot leave a finished entry behind,
        // and a finished read cannot remove the next read of the same file.
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task read = Task.Run(
            async () =>
            {
                await registered.Task.ConfigureAwait(false);
                await ReadLoopAsync(file).ConfigureAwait(false);
            },
            CancellationToken.None);
        _reads[file] = read;
        registered.SetResult();
        _ = read.ContinueWith(done => _reads.TryRemove(new KeyValuePair<TrackedFile, Task>(file, done)), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <summary>Completes when every read scheduled so far (and any it went round for) has finished.</summary>
    public async Task WhenIdleAsync()
    {
        while (_reads.Values.Where(read => !read.IsCompleted).ToArray() is { Length: > 0 } running)
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
    }

    /// <summary>Cancels waiting reads and waits for the running ones to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (Task read in _reads.Values)
        {
            await read.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _slots.Dispose();
        _stopping.Dispose();
    }

    private async Task ReadLoopAsync(TrackedFile file)
    {
        CancellationToken stopping = _stopping.Token;
        try
        {
            do
            {
                await _slots.WaitAsync(stopping).ConfigureAwait(false);
                try
                {
                    await _read(file, stopping).ConfigureAwait(false);
                }
                finally
                {
                    _slots.Release();
                }
            }
            while (file.EndRead());
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
