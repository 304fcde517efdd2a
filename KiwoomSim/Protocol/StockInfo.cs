using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Market;
using static Gslts.KiwoomSim.Protocol.KiwoomFormat;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>
/// ka10001 주식기본정보: the stock's live day, its limits, its 250-session and year-to-date ranges from the sim's daily
/// history, every number a string. The sim keeps no financial statements or vendor ratios: those Kiwoom fields come
/// empty (PER, EPS...) or zero (매출액...), as Kiwoom sends them when its vendor has none.
/// </summary>
public static class StockInfo
{
    private const int RangeSessions = 250;

    public static JsonObject Answer(SimMarket market, string? code)
    {
        var view = code is null ? null : market.View(code);
        if (view is null)
        {
            return KiwoomErrors.Answer(KiwoomErrors.UnknownStock, $"종목코드가 올바르지 않습니다 ({code})");
        }

        var listing = view.Listing;
        var b = listing.PreviousClose;
        var traded = view.Trades > 0;
        var history = market.History(listing.Code);
        var today = traded ? new DailyBar(market.TradingDate, view.Open, view.High, view.Low, view.Price, view.Volume, view.TradingValue) : null;
        var sessions = history.TakeLast(today is null ? RangeSessions : RangeSessions - 1).Append(today).OfType<DailyBar>().ToList();
        var year = sessions.Where(d => d.Date.Year == market.TradingDate.Year).ToList();
        var high = sessions.MaxBy(d => d.High)!;
        var low = sessions.MinBy(d => d.Low)!;
        var expected = market.Indicative(listing.Code);
        var previousVolume = history.Count > 0 ? history[^1].Volume : 0;
        return KiwoomErrors.Success(new JsonObject
        {
            ["stk_cd"] = listing.Code,
            ["stk_nm"] = listing.Name,
            ["setl_mm"] = "12",
            ["fav"] = "0",
            ["cap"] = "0",
            ["flo_stk"] = Number(listing.Shares / 1_000),
            ["crd_rt"] = "0.00",
            ["oyr_hgst"] = year.Count == 0 ? "0" : Signed(year.Max(d => d.High), b),
            ["oyr_lwst"] = year.Count == 0 ? "0" : Signed(year.Min(d => d.Low), b),
            ["mac"] = Number(listing.Shares * view.Price / 100_000_000),
            ["mac_wght"] = "",
            ["for_exh_rt"] = "0.00",
            ["repl_pric"] = "0",
            ["per"] = "",
            ["eps"] = "",
            ["roe"] = "",
            ["pbr"] = "",
            ["ev"] = "",
            ["bps"] = "",
            ["sale_amt"] = "0",
            ["bus_pro"] = "0",
            ["cup_nga"] = "0",
            ["250hgst"] = Signed(high.High, b),
            ["250lwst"] = Signed(low.Low, b),
            ["high_pric"] = traded ? Signed(view.High, b) : "0",
            ["open_pric"] = traded ? Signed(view.Open, b) : "0",
            ["low_pric"] = traded ? Signed(view.Low, b) : "0",
            ["upl_pric"] = Signed(view.Upper, b),
            ["lst_pric"] = Signed(view.Lower, b),
            ["base_pric"] = Number(b),
            ["exp_cntr_pric"] = expected is { Volume: > 0 } e ? Signed(e.Price, b) : "0",
            ["exp_cntr_qty"] = Number(expected?.Volume ?? 0),
            ["250hgst_pric_dt"] = Date(high.Date),
            ["250hgst_pric_pre_rt"] = Rate(view.Price, high.High),
            ["250lwst_pric_dt"] = Date(low.Date),
            ["250lwst_pric_pre_rt"] = Rate(view.Price, low.Low),
            ["cur_prc"] = Signed(view.Price, b),
            ["pre_sig"] = SignCode(view.Price, b, view.Upper, view.Lower),
            ["pred_pre"] = Signed(view.Price - b),
            ["flu_rt"] = Rate(view.Price, b),
            ["trde_qty"] = Number(view.Volume),
            // 거래대비: today's volume as a share of yesterday's.
            ["trde_pre"] = Percent(view.Volume, previousVolume),
            ["fav_unit"] = "",
            // The sim locks up no shares: every listed share floats.
            ["dstr_stk"] = Number(listing.Shares),
            ["dstr_rt"] = "100.0",
        });
    }
}
