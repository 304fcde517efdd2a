using Gslts.KiwoomSim.Accounts;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomSim.Market;

/// <summary>The sim's listings and their day state; the one place trades are printed, so its counts are ground truth.</summary>
public sealed partial class SimMarket
{
    private readonly Lock gate = new();
    private SimStock[] stocks = [];
    private Dictionary<string, SimStock> byCode = [];
    private readonly OrderFlow flow;
    private readonly List<Matching.Fill> fills = [];
    private readonly double[] cumulativeLiquidity;
    private readonly int seed;
    private readonly Dictionary<string, IReadOnlyList<DailyBar>> history = [];
    private readonly ViOptions vi;

    public SimMarket(IOptions<SimOptions> options, SimClock clock)
        : this(MarketUniverse.Create(options.Value.Seed, options.Value.Listings), options.Value.Seed, clock.TradingDate, options.Value.Vi)
    {
        foreach (var account in options.Value.LoginAccounts())
        {
            ledgers[account.AccountNo] = new Ledger(account.AccountNo, options.Value.InitialCash, Fees.Kiwoom, TradingDate);
        }
    }

    public SimMarket(IReadOnlyList<Listing> listings, int seed, DateOnly tradingDate = default, ViOptions? vi = null)
    {
        this.seed = seed;
        this.vi = vi ?? new ViOptions();
        flow = new OrderFlow(seed);
        cumulativeLiquidity = new double[listings.Count];
        var sum = 0d;
        for (var i = 0; i < listings.Count; i++) cumulativeLiquidity[i] = sum += listings[i].Liquidity;
        var facts = listings.Select(l =>
        {
            var (volume, value) = DailyHistory.PreviousDay(l, seed);
            return new DayFacts(l, volume, value);
        });
        Open([.. facts], tradingDate == default ? new DateOnly(2026, 1, 2) : tradingDate);
    }

    /// <summary>
    /// Starts <paramref name="date"/>: yesterday's last prices become the base prices, the books and the day's totals
    /// start empty, traders' open orders expire (KRX orders are day orders), and the finished day joins the history.
    /// </summary>
    public void StartDay(DateOnly date)
    {
        lock (gate)
        {
            if (date <= TradingDate) return;
            lock (history)
            {
                foreach (var stock in stocks.Where(s => s.Trades > 0 && history.ContainsKey(s.Listing.Code)))
                {
                    var bar = new DailyBar(TradingDate, stock.Open, stock.High, stock.Low, stock.Price, stock.Volume, stock.TradingValue);
                    history[stock.Listing.Code] = [.. history[stock.Listing.Code].Skip(1), bar];
                }
            }

            foreach (var ledger in ledgers.Values) ledger.StartDay(date);
            interrupted.Clear();
            Open([.. stocks.Select(s => new DayFacts(s.Listing with { PreviousClose = s.Price }, s.Volume, s.TradingValue))], date);
        }
    }

    private void Open(IReadOnlyList<DayFacts> facts, DateOnly date)
    {
        TradingDate = date;
        Phase = MarketPhase.BeforeOpen;
        stocks = facts.Select(f => new SimStock(f, vi.RuleFor(f.Listing))).ToArray();
        Listings = [.. facts.Select(f => f.Listing)];
        byCode = stocks.ToDictionary(s => s.Listing.Code);
        UsSectors = new UsSectorDay(seed, date);
        var factors = new Random(Seeds.Mix(seed, date.DayNumber, 2));
        foreach (var stock in stocks)
        {
            // Each stock follows its sector's tilt with its own beta, so sectors move together but not in lockstep.
            stock.TargetDeviation = UsSectors.KoreanTilt(stock.Listing.Sector) * (0.6 + factors.NextDouble() * 0.8);
            flow.Seed(stock, fills);
        }
    }

    public IReadOnlyList<Listing> Listings { get; private set; } = [];

    public DateOnly TradingDate { get; private set; }

    /// <summary>The day's hidden US sector moves that tilt the Korean sectors (readable at /sim/us-sectors).</summary>
    public UsSectorDay UsSectors { get; private set; } = null!;

    public bool IsListed(string code) => byCode.ContainsKey(code);

    /// <summary>
    /// Runs the synthetic order flow at <paramref name="time"/> until at least <paramref name="count"/> trades print
    /// (fewer when most of the market is halted in VIs); fills of traders' resting orders go to their accounts and to
    /// <paramref name="events"/>. Stocks in a VI only collect orders: their codes go to <paramref name="collected"/>.
    /// </summary>
    public List<SimTrade> Generate(int count, TimeOnly time, List<AccountEvent>? events = null, HashSet<string>? collected = null)
    {
        var trades = new List<SimTrade>(count + 16);
        lock (gate)
        {
            for (var steps = 0; trades.Count < count && steps < 4L * count + 1_000; steps++)
            {
                var stock = stocks[flow.NextStock(cumulativeLiquidity)];
                fills.Clear();
                flow.Step(stock, fills, time);
                Settle(stock, time, trades, events);
                if (stock.Interruption is not null) collected?.Add(stock.Listing.Code);
            }
        }

        return trades;
    }

    /// <summary>A consistent copy of one stock's day, or null for an unknown code.</summary>
    public StockView? View(string code)
    {
        if (!byCode.TryGetValue(code, out var stock)) return null;
        lock (gate)
        {
            return View(stock);
        }
    }

    /// <summary>A consistent copy of every stock's day, in listing order.</summary>
    public List<StockView> Views()
    {
        lock (gate)
        {
            return stocks.Select(View).ToList();
        }
    }

    private static StockView View(SimStock stock) =>
        new(stock.Listing, stock.Limits.Upper, stock.Limits.Lower, stock.Price, stock.Open, stock.High, stock.Low,
            stock.Volume, stock.TradingValue, stock.Trades, stock.BestAsk, stock.BestBid);

    /// <summary>The stock's best <paramref name="levels"/> price levels each side, or null for an unknown code.</summary>
    public Matching.Depth? Depth(string code, int levels = 10)
    {
        if (!byCode.TryGetValue(code, out var stock)) return null;
        lock (gate)
        {
            return stock.Book.Depth(levels);
        }
    }

    /// <summary>Runs <paramref name="read"/> on one stock under the market's lock; default for an unknown code.</summary>
    public T? ReadStock<T>(string code, Func<SimStock, T> read)
    {
        if (!byCode.TryGetValue(code, out var stock)) return default;
        lock (gate)
        {
            return read(stock);
        }
    }

    /// <summary>The stock's year of daily bars before today (generated once, then kept).</summary>
    public IReadOnlyList<DailyBar> History(string code)
    {
        lock (history)
        {
            if (!history.TryGetValue(code, out var bars))
            {
                history[code] = bars = DailyHistory.For(byCode[code].Listing, TradingDate, seed);
            }

            return bars;
        }
    }

    /// <summary>Minute bars of a past day of <paramref name="code"/>, grouped by <paramref name="minutes"/>, newest first.</summary>
    public List<MinuteBar> PastMinutes(string code, DailyBar day, int minutes)
    {
        var ones = IntradayHistory.For(day, code, seed);
        ones.Reverse();
        var bars = new List<MinuteBar>();
        foreach (var bar in ones)
        {
            var start = new TimeOnly(0, 0).AddMinutes((int)(bar.Start.ToTimeSpan().TotalMinutes / minutes) * minutes);
            if (bars.Count > 0 && bars[^1].Start == start)
            {
                var last = bars[^1];
                bars[^1] = last with { High = Math.Max(last.High, bar.High), Low = Math.Min(last.Low, bar.Low), Close = bar.Close, Volume = last.Volume + bar.Volume };
            }
            else
            {
                bars.Add(bar with { Start = start });
            }
        }

        bars.Reverse();
        return bars;
    }

    public SimStats Stats()
    {
        lock (gate)
        {
            var perStock = stocks.ToDictionary(s => s.Listing.Code, s => new StockStats(s.Trades, s.Volume, s.TradingValue));
            return new SimStats(perStock.Values.Sum(s => s.Trades), perStock.Values.Sum(s => s.Volume), perStock);
        }
    }
}

public sealed record StockView(
    Listing Listing, long Upper, long Lower, long Price, long Open, long High, long Low, long Volume, long TradingValue, long Trades,
    long BestAsk, long BestBid);

public sealed record StockStats(long Trades, long Volume, long TradingValue);

public sealed record SimStats(long Trades, long Volume, IReadOnlyDictionary<string, StockStats> Stocks);
