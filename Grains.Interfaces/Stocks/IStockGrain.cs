namespace Gslts.Grains.Interfaces.Stocks;

/// <summary>One listed stock, keyed by its 6-character KRX code (e.g. "005930").</summary>
public interface IStockGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies trades in the exchange's order (by cumulative day volume). Trades already applied are skipped; a trade
    /// after a gap is not applied until the gap is filled. An empty batch just reports where the grain is.
    /// </summary>
    /// <remarks>The caller hands the array over (it is not copied on a call inside the silo) and must not change it after.</remarks>
    Task<FeedReceipt> Ingest([Immutable] Tick[] ticks);

    /// <summary>One delivery of the feed: <see cref="Ingest"/> the trades, then take the newest book (when there is one), in one call.</summary>
    Task<FeedReceipt> Feed([Immutable] Tick[] ticks, OrderBook? book);

    /// <summary>
    /// Gives up on the trades between what is applied and <paramref name="throughVolume"/> of <paramref name="date"/>
    /// (they could not be recovered): counted as missed volume, and later trades apply again.
    /// </summary>
    Task<FeedReceipt> SkipGap(DateOnly date, long throughVolume);

    Task<StockSnapshot> GetSnapshot();

    /// <summary>
    /// Someone shows this stock: for <paramref name="lease"/> (1 s to 5 min; renewed while shown) its streams carry
    /// snapshots and books, at most ten of each a second, starting with the current ones. An unwatched stock publishes
    /// nothing: thousands of stocks streaming what nobody reads would make the streams the bottleneck.
    /// </summary>
    Task<StockSnapshot> Watch(TimeSpan lease);

    /// <summary>Replaces the latest order book (an older one than the current is ignored) and publishes it while watched.</summary>
    Task UpdateBook(OrderBook book);

    Task<OrderBook?> GetBook();

    /// <summary>Today's one-minute candles built from the trades, in time order (the last one still forming).</summary>
    Task<Candle[]> GetMinuteCandles();

    /// <summary>Past trading days from the broker's daily chart: merged by date with what is held, the last year kept.</summary>
    Task SetDailyHistory([Immutable] DailyBar[] bars);

    /// <summary>The daily bars held, oldest first.</summary>
    Task<DailyBar[]> GetDailyHistory();

    /// <summary>The newest trades (at most 100), oldest first.</summary>
    Task<TradePrint[]> GetRecentTrades(int count);

    /// <summary>Records what the stock master says of this stock (name, market, sector); kept across restarts.</summary>
    Task SetListing(StockListing listing);
}
