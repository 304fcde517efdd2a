using System.Collections.Concurrent;
using System.Reflection;
using Gslts.Grains.Interfaces.Accounts;
using Gslts.Grains.Interfaces.Ranking;
using Gslts.Grains.Interfaces.Search;
using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.KiwoomBridge.Tests;

/// <summary>An <see cref="IGrainFactory"/> whose stock grains only record what the feeder delivers.</summary>
public class RecordingGrains : DispatchProxy
{
    public ConcurrentDictionary<string, RecordingStockGrain> Stocks { get; } = new();

    public RecordingAccountGrain Account { get; } = new();

    public RecordingDirectoryGrain Directory { get; } = new();

    public RecordingRankingGrain Ranking { get; } = new();

    public static (IGrainFactory Factory, RecordingGrains Recorder) Create()
    {
        var factory = DispatchProxy.Create<IGrainFactory, RecordingGrains>();
        return (factory, (RecordingGrains)(object)factory);
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        if (method is { Name: nameof(IGrainFactory.GetGrain), IsGenericMethod: true } && method.GetGenericArguments()[0] == typeof(IStockGrain)
            && args?[0] is string code)
        {
            return Stocks.GetOrAdd(code, c => new RecordingStockGrain(c));
        }

        if (method is { Name: nameof(IGrainFactory.GetGrain), IsGenericMethod: true } && method.GetGenericArguments()[0] == typeof(IAccountGrain))
        {
            return Account;
        }

        if (method is { Name: nameof(IGrainFactory.GetGrain), IsGenericMethod: true } && method.GetGenericArguments()[0] == typeof(IStockDirectoryGrain))
        {
            return Directory;
        }

        if (method is { Name: nameof(IGrainFactory.GetGrain), IsGenericMethod: true } && method.GetGenericArguments()[0] == typeof(IRankingGrain))
        {
            return Ranking;
        }

        throw new NotSupportedException($"The bridge asked for {method?.Name}, which these tests do not expect.");
    }
}

/// <summary>
/// Applies trades the way a stock grain does (in cumulative-volume order, nothing after a gap) and records them. Stores
/// at once unless <see cref="HoldWrites"/>; <see cref="LoseUnstored"/> plays a silo that died before writing.
/// </summary>
public sealed class RecordingStockGrain(string code) : IStockGrain
{
    private readonly List<Tick> applied = [];
    private readonly object gate = new();
    private DateOnly date;
    private long volume;
    private long stored;

    public string Code { get; } = code;

    public List<Tick> Ticks
    {
        get
        {
            lock (gate) return [.. applied];
        }
    }

    public int Batches { get; private set; }

    public long Skipped { get; private set; }

    public bool HoldWrites { get; set; }

    public bool Fail { get; set; }

    public void LoseUnstored()
    {
        lock (gate)
        {
            applied.RemoveAll(t => t.CumulativeVolume > stored);
            volume = stored;
        }
    }

    public Task<FeedReceipt> Ingest(Tick[] ticks)
    {
        if (Fail) throw new InvalidOperationException("the silo is down");
        lock (gate)
        {
            if (ticks.Length > 0) Batches++;
            foreach (var tick in ticks)
            {
                var day = DateOnly.FromDateTime(tick.Time.ToOffset(TimeSpan.FromHours(9)).DateTime);
                if (day > date) (date, volume, stored) = (day, 0, 0);
                if (tick.CumulativeVolume <= volume) continue;
                if (tick.CumulativeVolume - Math.Abs(tick.Quantity) != volume) break;
                applied.Add(tick);
                volume = tick.CumulativeVolume;
            }

            if (!HoldWrites) stored = volume;
            return Task.FromResult(new FeedReceipt(date, volume, stored));
        }
    }

    public async Task<FeedReceipt> Feed(Tick[] ticks, OrderBook? book)
    {
        var receipt = await Ingest(ticks);
        if (book is not null) await UpdateBook(book);
        return receipt;
    }

    public Task<FeedReceipt> SkipGap(DateOnly day, long throughVolume)
    {
        lock (gate)
        {
            if (day > date) (date, volume, stored) = (day, 0, 0);
            if (throughVolume > volume) (Skipped, volume) = (Skipped + throughVolume - volume, throughVolume);
            if (!HoldWrites) stored = volume;
            return Task.FromResult(new FeedReceipt(date, volume, stored));
        }
    }

    public Task<StockSnapshot> GetSnapshot() => Task.FromResult(StockSnapshot.Empty(Code));

    public Task<StockSnapshot> Watch(TimeSpan lease) => GetSnapshot();

    public StockListing? Listing { get; private set; }

    public OrderBook? Book { get; private set; }

    public Task UpdateBook(OrderBook book)
    {
        Book = book;
        return Task.CompletedTask;
    }

    public Task<OrderBook?> GetBook() => Task.FromResult(Book);

    public Task<Candle[]> GetMinuteCandles() => Task.FromResult(Array.Empty<Candle>());

    public DailyBar[] Daily { get; private set; } = [];

    public Task SetDailyHistory(DailyBar[] bars)
    {
        Daily = bars;
        return Task.CompletedTask;
    }

    public Task<DailyBar[]> GetDailyHistory() => Task.FromResult(Daily);

    public Task<TradePrint[]> GetRecentTrades(int count) => Task.FromResult(Array.Empty<TradePrint>());

    public Task SetListing(StockListing listing)
    {
        Listing = listing;
        return Task.CompletedTask;
    }
}

/// <summary>Records what the bridge tells the account grain; orders it is told to refuse fail (a grain or broker that throws).</summary>
public sealed class RecordingAccountGrain : IAccountGrain
{
    public ConcurrentQueue<BrokerOrder> Orders { get; } = new();
    public ConcurrentQueue<(Holding Holding, long Cash)> Holdings { get; } = new();
    public int Reconciles;
    public int OrderCalls;

    /// <summary>Order numbers whose events fail.</summary>
    public ConcurrentDictionary<string, bool> Failing { get; } = new();

    /// <summary>Reconciling fails (the broker's REST is down).</summary>
    public bool ReconcileFails { get; set; }

    public Task OnOrder(BrokerOrder order)
    {
        Interlocked.Increment(ref OrderCalls);
        if (Failing.ContainsKey(order.OrderNo)) throw new InvalidOperationException($"the account grain cannot take order {order.OrderNo}");
        Orders.Enqueue(order);
        return Task.CompletedTask;
    }

    public Task OnHolding(Holding holding, long cash)
    {
        Holdings.Enqueue((holding, cash));
        return Task.CompletedTask;
    }

    public Task Reconcile()
    {
        if (ReconcileFails) throw new HttpRequestException("the broker's REST is down");
        Interlocked.Increment(ref Reconciles);
        return Task.CompletedTask;
    }

    public Task<BrokerOrder> Place(OrderRequest order) => throw new NotSupportedException("the bridge does not place orders");
    public Task<BrokerOrder> Modify(string orderNo, long quantity, long price) => throw new NotSupportedException("the bridge does not modify orders");
    public Task Cancel(string orderNo) => throw new NotSupportedException("the bridge does not cancel orders");
    public Task<BrokerOrder[]> GetOrders() => Task.FromResult(Orders.ToArray());
    public Task<AccountBalance> GetBalance() => Task.FromResult(new AccountBalance(0, []));
}

/// <summary>Records the stock master the loader hands the directory.</summary>
public sealed class RecordingDirectoryGrain : IStockDirectoryGrain
{
    public IReadOnlyList<StockListing> Listings { get; private set; } = [];

    public Task SetListings(IReadOnlyList<StockListing> listings)
    {
        Listings = listings;
        return Task.CompletedTask;
    }

    public Task ReportTradingValues(IReadOnlyDictionary<string, long> values) => Task.CompletedTask;

    public Task<string[]> GetCodes() => Task.FromResult(Listings.Select(l => l.Code).ToArray());

    public Task<IReadOnlyList<StockSearchHit>> Search(string query, int limit) => Task.FromResult<IReadOnlyList<StockSearchHit>>([]);
}

/// <summary>Records the exchange rankings the bridge reports; <see cref="Fail"/> plays a silo that cannot take them.</summary>
public sealed class RecordingRankingGrain : IRankingGrain
{
    public ConcurrentQueue<ExchangeRanking> Exchange { get; } = new();

    public bool Fail { get; set; }

    public ExchangeRanking? Latest => Exchange.LastOrDefault();

    public Task ReportExchange(ExchangeRanking ranking)
    {
        if (Fail) throw new InvalidOperationException("the ranking grain is down");
        Exchange.Enqueue(ranking);
        return Task.CompletedTask;
    }

    public Task Report(IReadOnlyList<StockTrading> stocks) => throw new NotSupportedException("the bridge reports no live figures");

    public Task<TopList> Top(string scope, int count) => throw new NotSupportedException("the bridge asks for no top list");

    public Task<IReadOnlyList<TopList>> Snapshots(DateOnly date) => throw new NotSupportedException("the bridge asks for no snapshot");
}
