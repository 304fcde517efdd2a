using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Market;
using static Gslts.KiwoomSim.Protocol.KiwoomFormat;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>
/// ka10032 거래대금상위: stocks by today's trading value, paged; amounts in millions of won as Kiwoom sends them. 전일거래량
/// comes from each listed row's daily history; 전일순위 is "0" (none), since ranking yesterday would build every listing's history.
/// </summary>
public static class TradingValueRanking
{
    public static SimAnswer Answer(SimMarket market, SimRequest request, int pageSize)
    {
        Func<Listing, bool>? filter = request.Str("mrkt_tp") switch
        {
            "000" => _ => true,
            "001" => l => l.Market == "KOSPI",
            "101" => l => l.Market == "KOSDAQ",
            _ => null,
        };
        if (filter is null)
        {
            return new(KiwoomErrors.Answer(KiwoomErrors.BadRequest, $"mrkt_tp는 000, 001, 101 중 하나입니다 ({request.Str("mrkt_tp")})"));
        }

        var ranked = market.Views().Where(v => v.Trades > 0 && filter(v.Listing))
            .OrderByDescending(v => v.TradingValue).ThenBy(v => v.Listing.Code, StringComparer.Ordinal).ToList();
        var (start, next) = Paging.Page(request.NextKey, pageSize, ranked.Count);
        var rows = new JsonArray();
        for (var i = start; i < Math.Min(start + pageSize, ranked.Count); i++)
        {
            var v = ranked[i];
            var b = v.Listing.PreviousClose;
            rows.Add(new JsonObject
            {
                ["stk_cd"] = v.Listing.Code,
                ["now_rank"] = Number(i + 1),
                ["pred_rank"] = "0",
                ["stk_nm"] = v.Listing.Name,
                ["cur_prc"] = Signed(v.Price, b),
                ["pred_pre_sig"] = SignCode(v.Price, b, v.Upper, v.Lower),
                ["pred_pre"] = Signed(v.Price - b),
                ["flu_rt"] = Rate(v.Price, b),
                ["sel_bid"] = Signed(v.BestAsk, b),
                ["buy_bid"] = Signed(v.BestBid, b),
                ["now_trde_qty"] = Number(v.Volume),
                ["pred_trde_qty"] = Number(market.History(v.Listing.Code)[^1].Volume),
                ["trde_prica"] = Number(v.TradingValue / 1_000_000),
            });
        }

        return new(KiwoomErrors.Success(new JsonObject { ["trde_prica_upper"] = rows }), next);
    }
}
