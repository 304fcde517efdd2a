using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Market;
using static Gslts.KiwoomSim.Protocol.KiwoomFormat;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>ka10004 주식호가: ten levels each side (<c>_bid</c> = price, <c>_req</c> = quantity) and the totals.</summary>
public static class BookQuote
{
    public static JsonObject Answer(SimMarket market, SimClock clock, string? code)
    {
        var depth = code is null ? null : market.Depth(code);
        var view = code is null ? null : market.View(code);
        if (depth is null || view is null)
        {
            return KiwoomErrors.Answer(KiwoomErrors.UnknownStock, $"종목코드가 올바르지 않습니다 ({code})");
        }

        var b = view.Listing.PreviousClose;
        var body = new JsonObject { ["bid_req_base_tm"] = Time(clock.Now) };
        for (var i = 0; i < 10; i++)
        {
            var ask = i < depth.Asks.Count ? depth.Asks[i] : default;
            var bid = i < depth.Bids.Count ? depth.Bids[i] : default;
            var (sell, buy) = i == 0 ? ("sel_fpr", "buy_fpr") : ($"sel_{i + 1}th_pre", $"buy_{i + 1}th_pre");
            body[$"{sell}_bid"] = ask.Price == 0 ? "0" : Signed(ask.Price, b);
            body[$"{sell}_req"] = Number(ask.Quantity);
            body[$"{buy}_bid"] = bid.Price == 0 ? "0" : Signed(bid.Price, b);
            body[$"{buy}_req"] = Number(bid.Quantity);
        }

        body["tot_sel_req"] = Number(depth.TotalAsk);
        body["tot_buy_req"] = Number(depth.TotalBid);
        return KiwoomErrors.Success(body);
    }
}
