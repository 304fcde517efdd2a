namespace Gslts.KiwoomSim;

/// <summary>Bound from <c>Gslts:Sim</c>.</summary>
public sealed class SimOptions
{
    public const string Section = "Gslts:Sim";

    /// <summary>Where the sim's own web server listens (port 0 picks a free port).</summary>
    public string Urls { get; set; } = "http://localhost:5100";

    /// <summary>Same seed, same market: every generated trade follows from it.</summary>
    public int Seed { get; set; } = 20260101;

    public const string VirtualClock = "Virtual";
    public const string WallClock = "Wall";

    /// <summary>Virtual (a trading day opens when the sim starts) or Wall (the real KRX day in KST).</summary>
    public string Clock { get; set; } = VirtualClock;

    /// <summary>Extra KRX closing days for the wall clock, on top of the built-in calendar.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Where a virtual day starts: 08:59:30 gives half a minute of the opening auction before the 09:00 open.</summary>
    public TimeOnly StartTime { get; set; } = new(8, 59, 30);

    /// <summary>Virtual seconds per real second (1 = real time).</summary>
    public double Speed { get; set; } = 1;

    /// <summary>How many stocks are listed: the real large caps first, then synthetic listings.</summary>
    public int Listings { get; set; } = Market.MarketUniverse.DefaultSize;

    /// <summary>Average trades per second across the whole market, in virtual time.</summary>
    public double TradesPerSecond { get; set; } = 500;

    /// <summary>How often the server sends PING, and how long a client may leave it unanswered.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan PingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Codes one real-time session may register (KRX.md: about 100); 0 lifts the cap.</summary>
    public int CodesPerSession { get; set; } = 100;

    /// <summary>Kiwoom's per-app-key budgets; a call past them gets the 1700 error.</summary>
    public int QueriesPerSecond { get; set; } = 5;

    public int OrdersPerSecond { get; set; } = 5;

    /// <summary>Rows per page of the stock list (ka10099); rankings page at a tenth of it.</summary>
    public int PageSize { get; set; } = 500;

    public List<SimAccount> Accounts { get; set; } = [];

    /// <summary>
    /// Market-data accounts the sim issues beside <see cref="Accounts"/> (see <see cref="SimFeedAccounts"/>), so a bridge can
    /// collect more codes than one session holds; null: as many as the whole market needs besides one account's session.
    /// </summary>
    public int? FeedAccounts { get; set; }

    /// <summary>Every account that may log in: the configured ones, then the feed accounts (one a configured key already names is left out).</summary>
    public IReadOnlyList<SimAccount> LoginAccounts() =>
        [.. Accounts, .. SimFeedAccounts.For(this).Where(feed => Accounts.All(a => a.AppKey != feed.AppKey))];

    /// <summary>예수금 every mock account opens with.</summary>
    public long InitialCash { get; set; } = 100_000_000;

    /// <summary>Volatility interruptions (KRX.md marks the thresholds to verify, so they are settings).</summary>
    public ViOptions Vi { get; set; } = new();
}

/// <summary>Bound from <c>Gslts:Sim:Vi</c>: when a stock's continuous trading stops for a call auction.</summary>
public sealed class ViOptions
{
    /// <summary>Static VI: a trade this many percent from the last single price (the open, or the last VI's).</summary>
    public decimal StaticPercent { get; set; } = 10;

    /// <summary>Dynamic VI of KOSPI200 names (the sim's KOSPI large caps): this many percent from the price just before.</summary>
    public decimal DynamicPercentKospi200 { get; set; } = 3;

    /// <summary>Dynamic VI of every other listing.</summary>
    public decimal DynamicPercent { get; set; } = 6;

    /// <summary>How long the VI's call auction collects orders before its single price.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(2);

    public Matching.ViRule RuleFor(Market.Listing listing) =>
        new(StaticPercent, listing.Kospi200 ? DynamicPercentKospi200 : DynamicPercent);
}

/// <summary>A mock account and the app key pair that logs into it.</summary>
public sealed class SimAccount
{
    public string AppKey { get; set; } = "";
    public string SecretKey { get; set; } = "";
    public string AccountNo { get; set; } = "";
}
