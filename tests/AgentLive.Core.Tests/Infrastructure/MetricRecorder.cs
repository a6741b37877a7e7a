using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AgentLive.Tests.Infrastructure;

/// <summary>
/// Sums what the instruments of the meters made by its own <see cref="Factory"/> record: give the factory to one
/// monitor or reader, and its measurements are counted exactly, whatever other tests run beside it.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();
    private readonly RecordingMeterFactory _factory = new();

    public MetricRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (_factory.Made(instrument.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value));
        _listener.Start();
    }

    /// <summary>Gets the factory whose meters are recorded.</summary>
    public IMeterFactory Factory => _factory;

    public long Total(string instrument) => _totals.GetValueOrDefault(instrument);

    public void Dispose()
    {
        _listener.Dispose();
        _factory.Dispose();
    }

    private sealed class RecordingMeterFactory : IMeterFactory
    {
        private readonly ConcurrentBag<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            _meters.Add(meter);
            return meter;
        }

        public bool Made(Meter meter) => _meters.Contains(meter);

        public void Dispose()
        {
            foreach (Meter meter in _meters)
            {
                meter.Dispose();
            }
        }
    }
}
