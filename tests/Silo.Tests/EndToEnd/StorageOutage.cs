using Gslts.Grains.Stocks;
using Microsoft.Extensions.DependencyInjection;

namespace Gslts.Silo.Tests.EndToEnd;

/// <summary>
/// The product's stock store (whatever the provider) behind a switch: while the outage is on, every write of a stock
/// grain's day fails as a database that went away would; reads and other grains go on.
/// </summary>
internal sealed class StorageOutage
{
    private volatile bool on;
    private int failedWrites;

    public int FailedWrites => Volatile.Read(ref failedWrites);

    public void Begin() => on = true;

    public void End() => on = false;

    /// <summary>Wraps the registered stock store (call on the product's builder, after its silo is configured).</summary>
    public void Install(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IStockStore));
        var create = registered.ImplementationFactory ?? throw new InvalidOperationException("the stock store is not built by a factory");
        services.Remove(registered);
        services.AddSingleton<IStockStore>(sp => new Switched((IStockStore)create(sp), this));
    }

    private bool Fails()
    {
        if (!on) return false;
        Interlocked.Increment(ref failedWrites);
        return true;
    }

    private sealed class Switched(IStockStore inner, StorageOutage outage) : IStockStore, IAsyncDisposable
    {
        public Task<StoredStockDay> ReadAsync(string code, CancellationToken cancellationToken) => inner.ReadAsync(code, cancellationToken);

        public Task WriteAsync(StockDayWrite write, CancellationToken cancellationToken) =>
            outage.Fails()
                ? Task.FromException(new TimeoutException($"storage is away: the day of {write.Code} not written"))
                : inner.WriteAsync(write, cancellationToken);

        public ValueTask DisposeAsync() => inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
    }
}
