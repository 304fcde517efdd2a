using Gslts.Grains.Stocks;

namespace Gslts.Bench;

/// <summary>A stock store that keeps nothing and says every write is stored at once: the grains' own cost, without a database's.</summary>
public sealed class DiscardingStockStore : IStockStore
{
    public Task<StoredStockDay> ReadAsync(string code, CancellationToken cancellationToken) => Task.FromResult(StoredStockDay.Empty);

    public Task WriteAsync(StockDayWrite write, CancellationToken cancellationToken) => Task.CompletedTask;
}
