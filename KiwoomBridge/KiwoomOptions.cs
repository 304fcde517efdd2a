namespace Gslts.KiwoomBridge;

/// <summary>Bound from <c>Gslts:Kiwoom</c>. The defaults point at the in-process KiwoomSim.</summary>
public sealed class KiwoomOptions
{
    public const string Section = "Gslts:Kiwoom";

    /// <summary>The design's large caps, subscribed when <see cref="Codes"/> is empty.</summary>
    public static readonly IReadOnlyList<string> DefaultCodes =
    [
        "005930", "000660", "035420", "105560", "055550", "096770", "010950", "207940", "068270", "329180", "000150",
        "097950", "271560", "005380", "023530", "015760", "036460", "051910", "003670", "330590", "293940", "017670", "030200",
    ];

    public string BaseUrl { get; set; } = "http://localhost:5100";

    /// <summary>Defaults to <c>ws(s)://{BaseUrl host}/api/dostk/websocket</c>.</summary>
    public string? WebSocketUrl { get; set; }

    public const string CollectList = "List";
    public const string CollectAll = "All";

    /// <summary>The account's app key: REST, orders, and the first real-time connection (which carries the account's events).</summary>
    public string AppKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    /// <summary>More app keys (of other accounts) whose real-time connections only carry market data: one connection each.</summary>
    public List<KiwoomAppKey> FeedKeys { get; set; } = [];

    /// <summary>Stock codes to receive live trades for; empty means <see cref="DefaultCodes"/>. With <see cref="CollectAll"/>, they go first.</summary>
    public List<string> Codes { get; set; } = [];

    /// <summary><see cref="CollectList"/> (the codes above) or <see cref="CollectAll"/> (every listing of the stock master, ka10099).</summary>
    public string Collect { get; set; } = CollectList;

    /// <summary>With <see cref="CollectAll"/>: how soon a stock list (ka10099) that could not be read is asked again (the configured codes are collected meanwhile).</summary>
    public TimeSpan UniverseRetry { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Codes one real-time connection may hold (KRX.md: about 100 per session); more need more <see cref="FeedKeys"/>.</summary>
    public int CodesPerConnection { get; set; } = 100;

    /// <summary>A connection that sends nothing (not even PING) this long is presumed dead and replaced.</summary>
    public TimeSpan SilenceTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A stock that traded today and sends nothing this long in the continuous session is checked against the exchange.</summary>
    public TimeSpan StockSilence { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Load the stock master (ka10099) into the grains at start and every morning.</summary>
    public bool LoadStockMaster { get; set; } = true;

    /// <summary>Load the daily chart (ka10081) of every collected stock into its grain at start and every morning.</summary>
    public bool LoadDailyHistory { get; set; } = true;

    /// <summary>Codes per REG group.</summary>
    public int GroupSize { get; set; } = 100;

    /// <summary>How long trades of one stock are gathered before they go to its grain in one call.</summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>How long a gap in a stock's trade volumes may stay open (trades arriving late) before the tape fills it.</summary>
    public TimeSpan GapGrace { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Tape backfills tried for one gap before its trades are given up on (logged as an error, counted as missed).</summary>
    public int BackfillAttempts { get; set; } = 5;

    /// <summary>How much of the feed the bridge holds for its grains, where the excess goes, and when /healthz says so (<c>Gslts:Kiwoom:Journal</c>).</summary>
    public Feeding.JournalOptions Journal { get; set; } = new();

    /// <summary>The exchange's market-wide 거래대금 ranking taken for the ranking grain (<c>Gslts:Kiwoom:Ranking</c>).</summary>
    public Ranking.ExchangeRankingOptions Ranking { get; set; } = new();

    /// <summary>Tries of one account event (an order event, a balance, a reconcile) before it is parked and the events after it go on.</summary>
    public int AccountAttempts { get; set; } = 5;

    /// <summary>Parked account events listed in /healthz; past it the oldest is no longer listed (logged, and still set right by the next reconcile).</summary>
    public int ParkedAccountEvents { get; set; } = 100;

    /// <summary>Kiwoom's per-app-key budgets (calls per second), kept by the client instead of earning 1700s.</summary>
    public int QueriesPerSecond { get; set; } = 5;

    public int OrdersPerSecond { get; set; } = 5;

    /// <summary>A token is renewed this long before Kiwoom says it expires.</summary>
    public TimeSpan RenewBefore { get; set; } = TimeSpan.FromHours(1);

    public IReadOnlyList<string> SubscribedCodes => Codes.Count > 0 ? Codes : DefaultCodes;

    public bool CollectsAll => string.Equals(Collect, CollectAll, StringComparison.OrdinalIgnoreCase);

    public KiwoomAppKey PrimaryKey => new() { AppKey = AppKey, SecretKey = SecretKey };

    /// <summary>Every app key, the account's first: connection <c>n</c> logs in with key <c>n</c>.</summary>
    public IReadOnlyList<KiwoomAppKey> RealtimeKeys => [PrimaryKey, .. FeedKeys];

    public Uri WebSocketUri
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(WebSocketUrl)) return new Uri(WebSocketUrl);
            var rest = new UriBuilder(BaseUrl) { Path = "/api/dostk/websocket" };
            rest.Scheme = rest.Scheme == "https" ? "wss" : "ws";
            // Kiwoom's own hosts serve the WebSocket on port 10000 (KRX.md); KiwoomSim serves it on its REST port.
            if (rest.Host.EndsWith("kiwoom.com", StringComparison.OrdinalIgnoreCase)) rest.Port = 10000;
            return rest.Uri;
        }
    }
}

/// <summary>An app key pair. Both halves are secrets: environment variables or user-secrets, never the repository.</summary>
public sealed class KiwoomAppKey
{
    public string AppKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    // Never print the keys.
    public override string ToString() => "KiwoomAppKey(***)";
}
