using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Market;
using static Gslts.KiwoomSim.Protocol.KiwoomFormat;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>ka10001 주식기본정보: the stock's live day and its limits, every number a string.</summary>
public static class StockInfo
{
    public static JsonObject Answer(SimMarket market, string? code)
    {
        var view = code is null ? null : market.View(code);
        if (view is null)
        {
            return KiwoomErrors.Answer(KiwoomErrors.UnknownStock, $"종목코드가 올바르지 않습니다 ({code})");
        }

        var b = view.Listing.PreviousClose;
        var traded = view.Trades > 0;
        var history = market.History(view.Listing.Code);
        return KiwoomErrors.Success(new JsonObject
        {
            ["stk_cd"] = view.Listing.Code,
            ["stk_nm"] = view.Listing.Name,
            ["cur_prc"] = Signed(view.Price, b),
            ["pre_sig"] = SignCode(view.Price, b, view.Upper, view.Lower),
            ["pred_pre"] = Signed(view.Price - b),
            ["flu_rt"] = Rate(view.Price, b),
            ["trde_qty"] = Number(view.Volume),
            ["open_pric"] = traded ? Signed(view.Open, b) : "0",
            ["high_pric"] = traded ? Signed(view.High, b) : "0",
            ["low_pric"] = traded ? Signed(view.Low, b) : "0",
            ["upl_pric"] = Signed(view.Upper, b),
            ["lst_pric"] = Signed(view.Lower, b),
            ["base_pric"] = Number(b),
            ["flo_stk"] = Number(view.Listing.Shares / 1_000),
            ["mac"] = Number(view.Listing.Shares * view.Price / 100_000_000),
            ["250hgst"] = Signed(Math.Max(history.Max(d => d.High), view.High), b),
            ["250lwst"] = Signed(Math.Min(history.Min(d => d.Low), traded ? view.Low : long.MaxValue), b),
        });
    }
}
