using System.Globalization;
using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Market;
using static Gslts.KiwoomSim.Protocol.KiwoomFormat;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>
/// ka10080 분봉차트: bars newest first from <c>base_dt</c> (today when empty) back over the sim's earlier days, paged.
/// The next-key is the next bar's own time (YYYYMMDDHHMMSS), so bars printing between pages shift nothing. Each day's
/// prices are signed against that day's base price (the close before it).
/// </summary>
public sealed class MinuteChart(SimMarket market, int pageSize)
{
    public static readonly int[] Scopes = [1, 3, 5, 10, 15, 30, 45, 60];

    public SimAnswer Answer(SimRequest request, Listing listing, int scope)
    {
        var history = market.History(listing.Code);
        var start = ParseDate(request.Str("base_dt")) is { } asked && asked < market.TradingDate ? asked : market.TradingDate;
        var resume = ParseTime(request.NextKey);
        if (resume is { } key && DateOnly.FromDateTime(key) < start) start = DateOnly.FromDateTime(key);
        var firstPast = history.Count - 1;
        while (firstPast >= 0 && history[firstPast].Date > start) firstPast--;
        if (start < market.TradingDate && firstPast < 0)
        {
            return new(KiwoomErrors.Answer(KiwoomErrors.BadRequest, $"분봉이 없는 날짜입니다 ({request.Str("base_dt")}): 최근 거래일을 넣습니다"));
        }

        var rows = new List<(DateOnly Date, MinuteBar Bar, long Base)>(pageSize + 1);
        if (start == market.TradingDate)
        {
            var today = market.ReadStock(listing.Code, s => s.Tape.Minutes(scope))!;
            Collect(rows, market.TradingDate, today, listing.PreviousClose, resume);
        }

        for (var d = firstPast; d >= 0 && rows.Count <= pageSize; d--)
        {
            var day = history[d];
            Collect(rows, day.Date, market.PastMinutes(listing.Code, day, scope), d > 0 ? history[d - 1].Close : day.Open, resume);
        }

        var limits = market.View(listing.Code) is { } view ? (view.Upper, view.Lower) : default;
        var page = new JsonArray([.. rows.Take(pageSize).Select(r => Row(r.Date, r.Bar, r.Base, r.Date == market.TradingDate ? limits : null))]);
        var next = rows.Count > pageSize ? Date(rows[pageSize].Date) + Time(rows[pageSize].Bar.Start) : null;
        return new(KiwoomErrors.Success(new JsonObject { ["stk_cd"] = listing.Code, ["stk_min_pole_chart_qry"] = page }), next);
    }

    private void Collect(List<(DateOnly, MinuteBar, long)> rows, DateOnly date, List<MinuteBar> bars, long basePrice, DateTime? resume)
    {
        foreach (var bar in bars)
        {
            if (rows.Count > pageSize) return;
            if (resume is { } key && date.ToDateTime(bar.Start) > key) continue;
            rows.Add((date, bar, basePrice));
        }
    }

    // Today's sign uses the market's own limits; a past day's, that day's ±30% band around its base.
    private static JsonObject Row(DateOnly date, MinuteBar bar, long basePrice, (long Upper, long Lower)? todaysLimits)
    {
        var sign = todaysLimits is { } l ? SignCode(bar.Close, basePrice, l.Upper, l.Lower) : SignCode(bar.Close, basePrice);
        return new JsonObject
        {
            ["cur_prc"] = Signed(bar.Close, basePrice),
            ["trde_qty"] = Number(bar.Volume),
            ["cntr_tm"] = Date(date) + Time(bar.Start),
            ["open_pric"] = Signed(bar.Open, basePrice),
            ["high_pric"] = Signed(bar.High, basePrice),
            ["low_pric"] = Signed(bar.Low, basePrice),
            ["pred_pre"] = Signed(bar.Close - basePrice),
            ["pred_pre_sig"] = sign,
        };
    }

    internal static DateOnly? ParseDate(string? text) =>
        text is { Length: 8 } && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static DateTime? ParseTime(string? text) =>
        text is { Length: 14 } && DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
}
