using System.Threading.Channels;
using AgentLive.Monitoring;

namespace AgentLive.Tests.Monitoring.Signals;

/// <summary>Keeps what a change signal reports: the paths it names, "rescan" and "refresh" for the passes it asks for.</summary>
internal sealed class RecordingListener : IChangeListener
{
    public const string Rescan = "rescan";

    public const string Refresh = "refresh";

    private readonly Channel<string> _signals = Channel.CreateUnbounded<string>();

    public void OnChanged(string path) => _signals.Writer.TryWrite(path);

    public Task RescanAsync()
    {
        _signals.Writer.TryWrite(Rescan);
        return Task.CompletedTask;
    }

    public Task RefreshAsync()
    {
        _signals.Writer.TryWrite(Refresh);
        return Task.CompletedTask;
    }

    /// <summary>Waits (bounded, in real time) for a signal that matches; fails when none comes.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match)
    {
        using var deadline = new CancellationTokenSource(MonitorHarness.Patience);
        var seen = new List<string>();
        try
        {
            while (true)
            {
                string signal = await _signals.Reader.ReadAsync(deadline.Token);
                seen.Add(signal);
                if (match(signal))
                {
                    return signal;
                }
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"no matching signal within {MonitorHarness.Patience}; saw: {string.Join(", ", seen)}");
            throw;
        }
    }

    /// <summary>Whether a signal naming <paramref name="path"/> comes within <paramref name="wait"/> (others are passed over).</summary>
    public async Task<bool> SawAsync(string path, TimeSpan wait)
    {
        using var deadline = new CancellationTokenSource(wait);
        try
        {
            while (await _signals.Reader.ReadAsync(deadline.Token) != path)
            {
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Takes every signal already reported, without waiting.</summary>
    public List<string> Drain()
    {
        var all = new List<string>();
        while (_signals.Reader.TryRead(out string? signal))
        {
            all.Add(signal);
        }

        return all;
    }
}
