using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Gslts.Silo.Storage;

namespace Gslts.Silo.Tests.Storage;

/// <summary>Sums one stock store's counters as it reports them (other silos' stores in the test process are not counted).</summary>
internal sealed class StoreCounters : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> sums = new();

    public StoreCounters(BatchedStockStore store)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, store.Meter)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.Start();
    }

    public long Sum(string instrument) => sums.GetValueOrDefault(instrument);

    public void Dispose() => listener.Dispose();
}
