using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Stocks;

namespace Gslts.Grains.Tests;

/// <summary>
/// The test silo's stock store: what a database would keep (a summary and a listing per stock, candles by minute, a
/// later day dropping the earlier day's candles), in memory, behind the storage gate; it remembers every write taken.
/// </summary>
public sealed class MemoryStockStore(StorageGate gate) : IStockStore
{
    private readonly object sync = new();
    private readonly Dictionary<string, Row> rows = new(StringComparer.Ordinal);
    private readonly List<StockDayWrite> written = [];

    /// <summary>Every write stored, oldest first.</summary>
    public StockDayWrite[] Written(string code)
    {
        lock (sync) return [.. written.Where(w => w.Code == code)];
    }

    public Task<StoredStockDay> ReadAsync(string code, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            if (!rows.TryGetValue(code, out var row)) return Task.FromResult(StoredStockDay.Empty);
            var candles = row.Candles.Where(c => c.Key.Date == row.Day.TradingDate).OrderBy(c => c.Key.Start).Select(c => c.Value);
            return Task.FromResult(new StoredStockDay(row.Day with { Listing = row.Listing }, [.. candles]));
        }
    }

    public async Task WriteAsync(StockDayWrite write, CancellationToken cancellationToken)
    {
        await gate.PassAsync(write.Code).WaitAsync(cancellationToken);
        lock (sync)
        {
            written.Add(write);
            if (!rows.TryGetValue(write.Code, out var row)) rows[write.Code] = row = new Row();
            if (write.DayStarted) row.Candles.Clear();
            foreach (var candle in write.Candles) row.Candles[(write.Day.TradingDate, candle.Start)] = candle;
            if (write.ListingChanged) row.Listing = write.Day.Listing;
            // As the database does: a day never goes back (a stale write of an older activation changes nothing).
            var newer = write.Day.TradingDate > row.Day.TradingDate || (write.Day.TradingDate == row.Day.TradingDate && write.Day.Volume >= row.Day.Volume);
            if (newer) row.Day = write.Day with { Listing = null };
        }
    }

    private sealed class Row
    {
        public StockDayState Day { get; set; } = new();
        public StockListing? Listing { get; set; }
        public Dictionary<(DateOnly Date, DateTimeOffset Start), Candle> Candles { get; } = [];
    }
}
