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
        });
    }
}
