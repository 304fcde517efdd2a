using System.Globalization;
using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Market;
using static Gslts.KiwoomSim.Protocol.KiwoomFormat;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>ka10079 틱차트, ka10080 분봉차트, ka10081 일봉차트 on /api/dostk/chart, newest first, paged.</summary>
public sealed class ChartQueries(SimMarket market, int pageSize)
{
    private static readonly int[] TickScopes = [1, 3, 5, 10, 30];
    private static readonly int[] MinuteScopes = [1, 3, 5, 10, 15, 30, 45, 60];

    public SimAnswer Daily(SimRequest request)
    {
        if (Listing(request) is not { } listing) return UnknownStock(request);
        var until = request.Str("base_dt") is { Length: 8 } text && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : market.TradingDate;
        var bars = market.History(listing.Code).ToList();
        if (market.View(listing.Code) is { Trades: > 0 } today)
        {
            bars.Add(new DailyBar(market.TradingDate, today.Open, today.High, today.Low, today.Price, today.Volume, today.TradingValue));
        }

        var rows = bars.Where(b => b.Date <= until).Reverse().Select(b => new JsonObject
        {
            ["dt"] = b.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            ["open_pric"] = Number(b.Open),
            ["high_pric"] = Number(b.High),
            ["low_pric"] = Number(b.Low),
            ["cur_prc"] = Number(b.Close),
            ["trde_qty"] = Number(b.Volume),
            ["trde_prica"] = Number(b.TradingValue / 1_000_000),
            ["trde_tern_rt"] = Turnover(listing, b.Volume),
        }).ToList();
        return Page(request, "stk_dt_pole_chart_qry", rows, listing);
    }

    public SimAnswer Minute(SimRequest request)
    {
        if (Listing(request) is not { } listing) return UnknownStock(request);
        if (!TryScope(request, MinuteScopes, out var scope)) return BadScope(request, MinuteScopes);
        var day = request.Str("base_dt") is { Length: 8 } text && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : market.TradingDate;
        var past = market.History(listing.Code).FirstOrDefault(b => b.Date == day);
        if (day != market.TradingDate && past is null)
        {
            return new(KiwoomErrors.Answer(KiwoomErrors.BadRequest, $"분봉이 없는 날짜입니다 ({request.Str("base_dt")}): 최근 거래일을 넣습니다"));
        }

        var bars = past is null ? market.ReadStock(listing.Code, s => s.Tape.Minutes(scope))! : market.PastMinutes(listing.Code, past, scope);
        var date = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var rows = bars.Select(b => new JsonObject
        {
            ["cur_prc"] = Signed(b.Close, listing.PreviousClose),
            ["trde_qty"] = Number(b.Volume),
            ["cntr_tm"] = date + Time(b.Start),
            ["open_pric"] = Signed(b.Open, listing.PreviousClose),
            ["high_pric"] = Signed(b.High, listing.PreviousClose),
            ["low_pric"] = Signed(b.Low, listing.PreviousClose),
            ["pred_pre"] = Signed(b.Close - listing.PreviousClose),
        }).ToList();
        return Page(request, "stk_min_pole_chart_qry", rows, listing);
    }

    public SimAnswer Tick(SimRequest request)
    {
        if (Listing(request) is not { } listing) return UnknownStock(request);
        if (!TryScope(request, TickScopes, out var scope)) return BadScope(request, TickScopes);
        // The next-key is a tape position, so pages do not shift while new trades print.
        var (before, ticks) = market.ReadStock(listing.Code, stock =>
        {
            var anchor = long.TryParse(request.NextKey, NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : stock.Tape.End;
            return (anchor, stock.Tape.Before(anchor, (pageSize + 1) * scope));
        });
        var date = market.TradingDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var rows = new JsonArray();
        for (var i = 0; i + scope <= ticks.Count && rows.Count < pageSize; i += scope)
        {
            var group = ticks.GetRange(i, scope);
            rows.Add(new JsonObject
            {
                ["cur_prc"] = Signed(group[0].Price, listing.PreviousClose),
                ["trde_qty"] = Number(group.Sum(t => Math.Abs(t.SignedQuantity))),
                ["cntr_tm"] = date + Time(group[0].Time),
                ["open_pric"] = Signed(group[^1].Price, listing.PreviousClose),
                ["high_pric"] = Signed(group.Max(t => t.Price), listing.PreviousClose),
                ["low_pric"] = Signed(group.Min(t => t.Price), listing.PreviousClose),
                ["pred_pre"] = Signed(group[0].Price - listing.PreviousClose),
            });
        }

        var more = ticks!.Count > pageSize * scope;
        var body = KiwoomErrors.Success(new JsonObject { ["stk_cd"] = listing.Code, ["stk_tic_chart_qry"] = rows });
        return new(body, more ? (before - (long)rows.Count * scope).ToString(CultureInfo.InvariantCulture) : null);
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
