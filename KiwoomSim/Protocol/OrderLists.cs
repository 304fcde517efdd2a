using System.Globalization;
using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Accounts;
using Gslts.KiwoomSim.Market;
using Gslts.KiwoomSim.Matching;
using static Gslts.KiwoomSim.Protocol.KiwoomFormat;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>
/// ka10075 미체결 and ka10076 체결 rows for today's orders, newest first. Every sim order is a KRX order (stex_tp 1, never
/// SOR); an order that modifies none reports orig_ord_no "0000000", as Kiwoom does.
/// </summary>
public static class OrderLists
{
    /// <summary>What a query asks for: side (null = both), one stock (null = all), venue, and orders older than a number.</summary>
    public sealed record Filter(OrderSide? Side, string? Code, bool Krx, long Before = long.MaxValue)
    {
        public bool Matches(UserOrder o) =>
            Krx && o.Number < Before && (Side is null || o.Side == Side) && (Code is null || o.Code == Code);
    }

    /// <summary>Reads the request's choices; null with <paramref name="error"/> set when one is not Kiwoom's.</summary>
    public static Filter? Read(SimRequest request, string stockScope, string sideField, out SimAnswer? error)
    {
        error = Pick(request, stockScope, "0", "1") ?? Pick(request, sideField, "0", "1", "2") ?? Pick(request, "stex_tp", "0", "1", "2");
        if (error is not null) return null;
        var code = request.Str(stockScope) == "1" ? request.Str("stk_cd") ?? "" : null;
        if (code is "")
        {
            error = Refuse($"{stockScope} 1(종목)은 stk_cd가 필요합니다");
            return null;
        }

        var before = long.MaxValue;
        if (request.Str("ord_no") is { Length: > 0 } number && !long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out before))
        {
            error = Refuse($"ord_no는 주문번호(숫자)입니다 ({number})");
            return null;
        }

        var side = request.Str(sideField) switch { "1" => OrderSide.Sell, "2" => OrderSide.Buy, _ => (OrderSide?)null };
        return new Filter(side, code, request.Str("stex_tp") != "2", before);
    }

    public static JsonObject Unfilled(Ledger ledger, UserOrder o, StockView? view)
    {
        var b = view?.Listing.PreviousClose ?? o.Price;
        return new JsonObject
        {
            ["acnt_no"] = ledger.AccountNo,
            ["ord_no"] = UserOrder.FormatNumber(o.Number),
            ["mang_empno"] = "",
            ["stk_cd"] = o.Code,
            ["tsk_tp"] = "",
            ["ord_stt"] = o.State,
            ["stk_nm"] = o.Name,
            ["ord_qty"] = Number(o.Quantity),
            ["ord_pric"] = Number(o.Type == OrderType.Market ? 0 : o.Price),
            ["oso_qty"] = Number(o.Remaining),
            ["cntr_tot_amt"] = Number(o.FilledAmount),
            ["orig_ord_no"] = UserOrder.FormatNumber(o.OriginalNumber),
            ["io_tp_nm"] = o.Kind,
            ["trde_tp"] = o.TradeType,
            ["tm"] = Time(o.Time),
            ["cntr_no"] = o.FillNumber,
            ["cntr_pric"] = Number(o.AverageFillPrice),
            ["cntr_qty"] = Number(o.Filled),
            ["cur_prc"] = view is null ? "0" : Signed(view.Price, b),
            ["sel_bid"] = view is null || view.BestAsk == 0 ? "0" : Signed(view.BestAsk, b),
            ["buy_bid"] = view is null || view.BestBid == 0 ? "0" : Signed(view.BestBid, b),
            ["unit_cntr_pric"] = o.Filled == 0 ? "" : Number(o.LastFillPrice),
            ["unit_cntr_qty"] = o.Filled == 0 ? "" : Number(o.LastFillQuantity),
            ["tdy_trde_cmsn"] = Number(o.Commission),
            ["tdy_trde_tax"] = Number(o.Tax),
            ["ind_invsr"] = "",
            ["stex_tp"] = "1",
            ["stex_tp_txt"] = "KRX",
            ["sor_yn"] = "N",
            ["stop_pric"] = "",
        };
    }

    public static JsonObject Filled(UserOrder o) => new()
    {
        ["ord_no"] = UserOrder.FormatNumber(o.Number),
        ["stk_nm"] = o.Name,
        ["io_tp_nm"] = o.Kind,
        ["ord_pric"] = Number(o.Type == OrderType.Market ? 0 : o.Price),
        ["ord_qty"] = Number(o.Quantity),
        ["cntr_pric"] = Number(o.AverageFillPrice),
        ["cntr_qty"] = Number(o.Filled),
        ["oso_qty"] = Number(o.Remaining),
        ["tdy_trde_cmsn"] = Number(o.Commission),
        ["tdy_trde_tax"] = Number(o.Tax),
        ["ord_stt"] = o.State,
        ["trde_tp"] = o.TradeType,
        ["orig_ord_no"] = UserOrder.FormatNumber(o.OriginalNumber),
        ["ord_tm"] = Time(o.Time),
        ["stk_cd"] = o.Code,
        ["stex_tp"] = "1",
        ["stex_tp_txt"] = "KRX",
        ["sor_yn"] = "N",
        ["stop_pric"] = "",
    };

    private static SimAnswer? Pick(SimRequest request, string field, params string[] allowed) =>
        allowed.Contains(request.Str(field)) ? null : Refuse($"{field}는 {string.Join(", ", allowed)} 중 하나입니다 ({request.Str(field)})");

    private static SimAnswer Refuse(string message) => new(KiwoomErrors.Answer(KiwoomErrors.BadRequest, message));
}
