using Gslts.Grains.Stocks;

namespace Gslts.Bench;

/// <summary>A switch in front of the stock store: while it is closed every write waits (a stalled database), then all go on.</summary>
public sealed class StorageStall
{
    private TaskCompletionSource open = Opened();

    public void Close() => Interlocked.Exchange(ref open, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Open() => Volatile.Read(ref open).TrySetResult();

    internal Task Passed => Volatile.Read(ref open).Task;

    private static TaskCompletionSource Opened()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}

/// <summary>A stock store that keeps nothing, whose writes wait at the <see cref="StorageStall"/> while it is closed.</summary>
public sealed class StallableStockStore(StorageStall stall) : IStockStore
{
    public Task<StoredStockDay> ReadAsync(string code, CancellationToken cancellationToken) => Task.FromResult(StoredStockDay.Empty);

    public Task WriteAsync(StockDayWrite write, CancellationToken cancellationToken) => stall.Passed.WaitAsync(cancellationToken);
}
