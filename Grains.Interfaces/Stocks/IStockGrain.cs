namespace Gslts.Grains.Interfaces.Stocks;

/// <summary>One listed stock, keyed by its 6-character KRX code (e.g. "005930").</summary>
public interface IStockGrain : IGrainWithStringKey
{
    /// <summary>Applies a batch of trades in sequence order; trades at or below the last applied sequence are ignored.</summary>
    Task<StockSnapshot> Ingest(Tick[] ticks);

    Task<StockSnapshot> GetSnapshot();

    /// <summary>Replaces the latest order book (an older one than the current is ignored) and publishes it.</summary>
    Task UpdateBook(OrderBook book);

    Task<OrderBook?> GetBook();

    /// <summary>Records what the stock master says of this stock (name, market, sector); kept across restarts.</summary>
    Task SetListing(StockListing listing);
}
