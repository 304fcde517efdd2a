using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Market;
using Gslts.KiwoomSim.Matching;
using static Gslts.KiwoomSim.Protocol.KiwoomFormat;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>
/// ka10004 주식호가: ten levels each side (<c>_bid</c> = price, <c>_req</c> = quantity) and the totals. The <c>_req_pre</c>
/// (잔량대비) and <c>_jub_pre</c> (직전대비) fields are each quantity's change since the previous ka10004 answer for the stock,
/// at the same price; the sim runs no after-hours book, so the 시간외 (<c>ovt_</c>) fields are zero.
/// </summary>
public sealed class BookQuote(SimMarket market, SimClock clock)
{
    private readonly ConcurrentDictionary<string, Depth> previous = new();

    public JsonObject Answer(string? code)
    {
        var depth = code is null ? null : market.Depth(code);
        var view = code is null ? null : market.View(code);
        if (depth is null || view is null)
        {
            return KiwoomErrors.Answer(KiwoomErrors.UnknownStock, $"종목코드가 올바르지 않습니다 ({code})");
        }

        var before = previous.GetValueOrDefault(view.Listing.Code) ?? depth;
        previous[view.Listing.Code] = depth;
        var b = view.Listing.PreviousClose;
        var body = new JsonObject { ["bid_req_base_tm"] = Time(clock.Now) };
        // Kiwoom lists the ask side from the 10th level down to the best, then the bid side from the best out.
        for (var i = 9; i >= 0; i--)
        {
            Level(body, i == 0 ? "sel_fpr" : $"sel_{i + 1}th_pre", i == 0 ? "sel_1th_pre" : null, At(depth.Asks, i), before.Asks, b);
        }

        for (var i = 0; i < 10; i++)
        {
            Level(body, i == 0 ? "buy_fpr" : $"buy_{i + 1}th_pre", i == 0 ? "buy_1th_pre" : null, At(depth.Bids, i), before.Bids, b);
        }

        body["tot_sel_req_jub_pre"] = Signed(depth.TotalAsk - before.TotalAsk);
        body["tot_sel_req"] = Number(depth.TotalAsk);
        body["tot_buy_req"] = Number(depth.TotalBid);
        body["tot_buy_req_jub_pre"] = Signed(depth.TotalBid - before.TotalBid);
        body["ovt_sel_req_pre"] = "0";
        body["ovt_sel_req"] = "0";
        body["ovt_buy_req"] = "0";
        body["ovt_buy_req_pre"] = "0";
        return KiwoomErrors.Success(body);
    }

    // The best level's change is named apart (sel_1th_pre_req_pre beside sel_fpr_bid), the others share the level's prefix.
    private static void Level(JsonObject body, string prefix, string? changeName, Level level, IReadOnlyList<Level> before, long basePrice)
    {
        var change = level.Price == 0 ? 0 : level.Quantity - before.FirstOrDefault(l => l.Price == level.Price).Quantity;
        body[(changeName ?? prefix) + "_req_pre"] = Signed(change);
        body[prefix + "_req"] = Number(level.Quantity);
        body[prefix + "_bid"] = level.Price == 0 ? "0" : Signed(level.Price, basePrice);
    }

    private static Level At(IReadOnlyList<Level> side, int i) => i < side.Count ? side[i] : default;
}
