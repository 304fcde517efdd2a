using System.Globalization;
using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Market;
using static Gslts.KiwoomSim.Protocol.KiwoomFormat;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>ka10079 틱차트, ka10080 분봉차트 (<see cref="MinuteChart"/>), ka10081 일봉차트 on /api/dostk/chart, newest first, paged.</summary>
public sealed class ChartQueries(SimMarket market, int pageSize)
{
    private static readonly int[] TickScopes = [1, 3, 5, 10, 30];
    private readonly MinuteChart minutes = new(market, pageSize);

    public SimAnswer Daily(SimRequest request)
    {
        if (Listing(request) is not { } listing) return UnknownStock(request);
        var until = MinuteChart.ParseDate(request.Str("base_dt")) ?? market.TradingDate;
        var bars = market.History(listing.Code).ToList();
        if (market.View(listing.Code) is { Trades: > 0 } today)
        {
            bars.Add(new DailyBar(market.TradingDate, today.Open, today.High, today.Low, today.Price, today.Volume, today.TradingValue));
        }

        // Each day's change is against the close before it; the oldest bar has none, so it is taken against its own open.
        var days = bars.Select((b, i) => (Bar: b, Base: i == 0 ? b.Open : bars[i - 1].Close)).Where(d => d.Bar.Date <= until).Reverse();
        var rows = days.Select(d => new JsonObject
        {
            ["cur_prc"] = Number(d.Bar.Close),
            ["trde_qty"] = Number(d.Bar.Volume),
            ["trde_prica"] = Number(d.Bar.TradingValue / 1_000_000),
            ["dt"] = Date(d.Bar.Date),
            ["open_pric"] = Number(d.Bar.Open),
            ["high_pric"] = Number(d.Bar.High),
            ["low_pric"] = Number(d.Bar.Low),
            ["pred_pre"] = Signed(d.Bar.Close - d.Base),
            ["pred_pre_sig"] = SignCode(d.Bar.Close, d.Base),
            ["trde_tern_rt"] = Turnover(listing, d.Bar.Volume),
        }).ToList();
        return Page(request, "stk_dt_pole_chart_qry", rows, listing);
    }

    public SimAnswer Minute(SimRequest request)
    {
        if (Listing(request) is not { } listing) return UnknownStock(request);
        if (!TryScope(request, MinuteChart.Scopes, out var scope)) return BadScope(request, MinuteChart.Scopes);
        return minutes.Answer(request, listing, scope);
    }

    /// <summary>
    /// Today's trades newest first, then, as paging goes on, the trades of the last <see cref="PastTickDays"/> days. The
    /// next-key is a position that does not shift while new trades print: today's tape position, or a negative index into
    /// the earlier days.
    /// </summary>
    public SimAnswer Tick(SimRequest request)
    {
        if (Listing(request) is not { } listing) return UnknownStock(request);
        if (!TryScope(request, TickScopes, out var scope)) return BadScope(request, TickScopes);
        var need = (pageSize + 1) * scope;
        var keyed = long.TryParse(request.NextKey, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key);
        var (tapeStart, anchor, today) = market.ReadStock(listing.Code, stock =>
        {
            var from = keyed ? key : stock.Tape.End;
            return (stock.Tape.End - stock.Tape.Count, from, from >= 0 ? stock.Tape.Before(from, need) : []);
        });
        var items = today!.Select(t => (Date: market.TradingDate, Tick: t, Base: listing.PreviousClose)).ToList();
        var pastStart = anchor >= 0 ? 0 : -anchor - 1;
        var past = items.Count < need ? PastTicks(listing) : [];
        items.AddRange(past.Skip((int)pastStart).Take(need - items.Count));

        var rows = new JsonArray();
        for (var i = 0; i + scope <= items.Count && rows.Count < pageSize; i += scope)
        {
            var group = items.GetRange(i, scope);
            var (date, first, b) = group[0];
            rows.Add(new JsonObject
            {
                // The spec signs the minute chart's prices, not the tick chart's.
                ["cur_prc"] = Number(first.Price),
                ["trde_qty"] = Number(group.Sum(g => Math.Abs(g.Tick.SignedQuantity))),
                ["cntr_tm"] = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + Time(first.Time),
                ["open_pric"] = Number(group[^1].Tick.Price),
                ["high_pric"] = Number(group.Max(g => g.Tick.Price)),
                ["low_pric"] = Number(group.Min(g => g.Tick.Price)),
                ["pred_pre"] = Signed(first.Price - b),
                ["pred_pre_sig"] = SignCode(first.Price, b),
            });
        }

        var consumed = rows.Count * scope;
        var fromToday = Math.Min(consumed, today.Count);
        var nextKey = consumed < today.Count || (anchor >= 0 && anchor - fromToday > tapeStart)
            ? anchor - fromToday
            : -(pastStart + consumed - fromToday) - 1;
        var more = items.Count > consumed || (anchor >= 0 && anchor - fromToday > tapeStart);
        // 마지막틱갯수: trades in the newest row; rows are grouped from the newest trade back, so it is full.
        var body = KiwoomErrors.Success(new JsonObject
        {
            ["stk_cd"] = listing.Code, ["last_tic_cnt"] = rows.Count == 0 ? "" : Number(scope), ["stk_tic_chart_qry"] = rows,
        });
        return new(body, more ? nextKey.ToString(CultureInfo.InvariantCulture) : null);
    }

    public const int PastTickDays = 5;

    /// <summary>The last few days' trades, newest first, four prints per minute bar (open, high, low, close).</summary>
    private List<(DateOnly Date, TapeTick Tick, long Base)> PastTicks(Listing listing)
    {
        var history = market.History(listing.Code);
        var result = new List<(DateOnly, TapeTick, long)>();
        for (var d = history.Count - 1; d >= Math.Max(1, history.Count - PastTickDays); d--)
        {
            var day = history[d];
            foreach (var bar in market.PastMinutes(listing.Code, day, 1))
            {
                var seconds = (int)bar.Start.ToTimeSpan().TotalSeconds;
                var quarter = Math.Max(1, bar.Volume / 4);
                long[] prices = [bar.Close, bar.Low, bar.High, bar.Open];
                for (var i = 0; i < 4; i++)
                {
                    result.Add((day.Date, new TapeTick(seconds + 45 - i * 15, (int)prices[i], i % 2 == 0 ? quarter : -quarter), history[d - 1].Close));
                }
            }
        }

        return result;
    }

    private SimAnswer Page(SimRequest request, string name, List<JsonObject> rows, Listing listing)
    {
        var (start, next) = Paging.Page(request.NextKey, pageSize, rows.Count);
        var page = new JsonArray([.. rows.Skip(start).Take(pageSize)]);
        return new(KiwoomErrors.Success(new JsonObject { ["stk_cd"] = listing.Code, [name] = page }), next);
    }

    private Listing? Listing(SimRequest request) =>
        request.Str("stk_cd") is { } code && market.View(code) is { } view ? view.Listing : null;

    private static SimAnswer UnknownStock(SimRequest request) =>
        new(KiwoomErrors.Answer(KiwoomErrors.UnknownStock, $"종목코드가 올바르지 않습니다 ({request.Str("stk_cd")})"));

    private static bool TryScope(SimRequest request, int[] allowed, out int scope) =>
        int.TryParse(request.Str("tic_scope"), NumberStyles.None, CultureInfo.InvariantCulture, out scope) && allowed.Contains(scope);

    private static SimAnswer BadScope(SimRequest request, int[] allowed) =>
        new(KiwoomErrors.Answer(KiwoomErrors.BadRequest, $"tic_scope는 {string.Join(", ", allowed)} 중 하나입니다 ({request.Str("tic_scope")})"));

    private static string Turnover(Listing listing, long volume)
    {
        var shares = listing.Shares;
        return (shares == 0 ? 0m : Math.Round(volume * 100m / shares, 2)).ToString("0.00", CultureInfo.InvariantCulture);
    }
}
