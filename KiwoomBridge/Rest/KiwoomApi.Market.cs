using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.KiwoomBridge.Realtime;

namespace Gslts.KiwoomBridge.Rest;

/// <summary>Market queries: the 10-level book (ka10004), minute and daily candles (ka10080, ka10081), the trading value ranking (ka10032).</summary>
public sealed partial class KiwoomApi
{
    /// <summary>The 분봉 scopes in minutes that ka10080 serves.</summary>
    public static readonly IReadOnlyList<int> MinuteScopes = [1, 3, 5, 10, 15, 30, 45, 60];

    private const int BookLevels = 10;
    private const long Million = 1_000_000;

    /// <summary>ka10004 주식호가: up to ten levels a side, best first, with the sides' total quantities.</summary>
    public async Task<BookQuote> BookQuoteAsync(string code, CancellationToken cancellationToken)
    {
        var (body, _) = await Client.CallAsync("/api/dostk/mrkcond", "ka10004", new { stk_cd = code }, CallKind.Query, null, cancellationToken);
        using (body) return ReadBookQuote(code, body.RootElement);
    }

    /// <summary>
    /// ka10080 분봉차트 of one session, newest first across pages. <paramref name="day"/> null asks for the latest session. Paging
    /// stops at the first candle older than <paramref name="until"/> or of an earlier session, so no page beyond it is requested.
    /// </summary>
    public async IAsyncEnumerable<MinuteCandle> MinuteCandlesAsync(string code, int scopeMinutes, DateOnly? day, DateTimeOffset? until,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!MinuteScopes.Contains(scopeMinutes))
        {
            throw new ArgumentOutOfRangeException(nameof(scopeMinutes), scopeMinutes, $"ka10080 serves {string.Join(", ", MinuteScopes)} minutes");
        }

        var request = new
        {
            stk_cd = code,
            tic_scope = scopeMinutes.ToString(CultureInfo.InvariantCulture),
            upd_stkpc_tp = "1",
            // Kiwoom's way of leaving an optional field out is an empty string.
            base_dt = day?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "",
        };
        // Kiwoom pages on into earlier sessions: the asked (or latest) session ends at its first candle of another day.
        var session = day;
        await foreach (var page in Client.PagesAsync("/api/dostk/chart", "ka10080", request, cancellationToken))
        {
            using (page)
            {
                foreach (var candle in ReadMinuteCandles(code, page.RootElement))
                {
                    session ??= DateOnly.FromDateTime(candle.Time.DateTime);
                    if (candle.Time < until || DateOnly.FromDateTime(candle.Time.DateTime) != session) yield break;
                    yield return candle;
                }
            }
        }
    }

    /// <summary>ka10081 일봉차트: <paramref name="baseDate"/> and the sessions before it, newest first across pages.</summary>
    public IAsyncEnumerable<DailyCandle> DailyCandlesAsync(string code, DateOnly baseDate, CancellationToken cancellationToken) =>
        DailyCandlesAsync(code, baseDate, CallKind.Query, cancellationToken);

    /// <summary>ka10081 as above, each page spending <paramref name="kind"/>'s budget (<see cref="CallKind.Background"/> for a bulk load that may wait).</summary>
    public async IAsyncEnumerable<DailyCandle> DailyCandlesAsync(string code, DateOnly baseDate, CallKind kind,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new { stk_cd = code, base_dt = baseDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture), upd_stkpc_tp = "1" };
        await foreach (var page in Client.PagesAsync("/api/dostk/chart", "ka10081", request, kind, cancellationToken))
        {
            using (page)
            {
                foreach (var candle in ReadDailyCandles(code, page.RootElement)) yield return candle;
            }
        }
    }

    /// <summary>
    /// ka10032 거래대금상위: today's stocks by trading value, highest first across pages, each page spending
    /// <paramref name="kind"/>'s budget (<see cref="CallKind.Background"/> for a refresh that may wait).
    /// </summary>
    public async IAsyncEnumerable<RankedStock> TradingValueRankingAsync(RankingMarket market, RankingVenue venue, bool includeManagedStocks,
        CallKind kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new
        {
            mrkt_tp = market switch
            {
                RankingMarket.All => "000",
                RankingMarket.Kospi => "001",
                RankingMarket.Kosdaq => "101",
                _ => throw new ArgumentOutOfRangeException(nameof(market), market, null),
            },
            mang_stk_incls = includeManagedStocks ? "1" : "0",
            // Rankings have their own venue codes, unlike orders (KRX/NXT/SOR) and ka10075/ka10076 (0/1/2).
            stex_tp = venue switch
            {
                RankingVenue.Krx => "1",
                RankingVenue.Nxt => "2",
                RankingVenue.Combined => "3",
                _ => throw new ArgumentOutOfRangeException(nameof(venue), venue, null),
            },
        };
        await foreach (var page in Client.PagesAsync("/api/dostk/rkinfo", "ka10032", request, kind, cancellationToken))
        {
            using (page)
            {
                foreach (var stock in ReadTradingValueRanking(page.RootElement)) yield return stock;
            }
        }
    }

    /// <summary>Reads a ka10004 answer; the answer does not name the stock, so <paramref name="code"/> is the one asked for.</summary>
    public static BookQuote ReadBookQuote(string code, JsonElement answer)
    {
        var asks = new List<BookLevel>(BookLevels);
        var bids = new List<BookLevel>(BookLevels);
        for (var level = 1; level <= BookLevels; level++)
        {
            var (ask, bid) = level == 1 ? ("sel_fpr", "buy_fpr") : ($"sel_{level}th_pre", $"buy_{level}th_pre");
            AddLevel(asks, answer, ask);
            AddLevel(bids, answer, bid);
        }

        return new BookQuote(code, TimeOfDay(Text(answer, "bid_req_base_tm")), [.. asks], [.. bids],
            Number(answer, "tot_sel_req"), Number(answer, "tot_buy_req"));
    }

    /// <summary>Reads one page of a ka10080 answer, in Kiwoom's order (newest first).</summary>
    public static IEnumerable<MinuteCandle> ReadMinuteCandles(string code, JsonElement answer) =>
        Rows(answer, "stk_min_pole_chart_qry").Select(row => new MinuteCandle(code, KstDateTime(row, "cntr_tm"),
            Price(row, "open_pric"), Price(row, "high_pric"), Price(row, "low_pric"), Price(row, "cur_prc"), Number(row, "trde_qty")));

    /// <summary>Reads one page of a ka10081 answer, in Kiwoom's order (newest first).</summary>
    public static IEnumerable<DailyCandle> ReadDailyCandles(string code, JsonElement answer) =>
        Rows(answer, "stk_dt_pole_chart_qry").Select(row => new DailyCandle(code, Date(row, "dt"),
            Price(row, "open_pric"), Price(row, "high_pric"), Price(row, "low_pric"), Price(row, "cur_prc"), Number(row, "trde_qty"),
            Number(row, "trde_prica") * Million, Rate(row, "trde_tern_rt")));

    /// <summary>Reads one page of a ka10032 answer, in Kiwoom's order (highest trading value first).</summary>
    public static IEnumerable<RankedStock> ReadTradingValueRanking(JsonElement answer) =>
        Rows(answer, "trde_prica_upper").Select(row => new RankedStock(
            (int)Number(row, "now_rank"),
            Number(row, "pred_rank") is > 0 and var previous ? (int)previous : null,
            KiwoomFields.StockCode(Text(row, "stk_cd")) ?? Text(row, "stk_cd"),
            Text(row, "stk_nm"),
            Price(row, "cur_prc"),
            Number(row, "pred_pre"),
            Rate(row, "flu_rt"),
            Price(row, "sel_bid"),
            Price(row, "buy_bid"),
            Number(row, "now_trde_qty"),
            Number(row, "pred_trde_qty"),
            Number(row, "trde_prica") * Million));

    // An empty level comes as price "0" or "" (a thin book): it is left out rather than shown as a level at 0.
    private static void AddLevel(List<BookLevel> side, JsonElement answer, string prefix)
    {
        if (Price(answer, prefix + "_bid") is > 0 and var price) side.Add(new BookLevel(price, Number(answer, prefix + "_req")));
    }

    private static DateTimeOffset KstDateTime(JsonElement row, string name)
    {
        var text = Text(row, name);
        return DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? new DateTimeOffset(time, Kst)
            : throw new FormatException($"Kiwoom {name} '{text}' is not a YYYYMMDDHHMMSS time");
    }

    private static DateOnly Date(JsonElement row, string name)
    {
        var text = Text(row, name);
        return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"Kiwoom {name} '{text}' is not a YYYYMMDD date");
    }

    // The book's base time is HHMMSS; a full YYYYMMDDHHMMSS is read by its time part. Null when Kiwoom leaves it empty.
    private static TimeOnly? TimeOfDay(string text) =>
        TimeOnly.TryParseExact(text.Length == 14 ? text[8..] : text, "HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;

    // Rates come as "+1.71", "-0.14", "0.00"; the sign is kept because a rate is a change, not a price.
    private static decimal Rate(JsonElement row, string name) =>
        decimal.TryParse(Text(row, name), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate)
            ? rate
            : 0m;
}
