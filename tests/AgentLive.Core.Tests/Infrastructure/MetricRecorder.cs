using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AgentLive.Tests.Infrastructure;

/// <summary>Sums what one instrument of the library's meter records while it is alive.</summary>
/// <remarks>Tests run in parallel, so assert "at least" on shared counters, never an exact total.</remarks>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();

    public MetricRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "AgentLive")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value));
        _listener.Start();
    }

    public long Total(string instrument) => _totals.GetValueOrDefault(instrument);

    public void Dispose() => _listener.Dispose();
}
