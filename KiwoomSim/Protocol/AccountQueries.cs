using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Accounts;
using Gslts.KiwoomSim.Market;
using Gslts.KiwoomSim.Matching;
using static Gslts.KiwoomSim.Protocol.KiwoomFormat;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>kt00001 예수금, kt00018 계좌평가잔고, ka10075 미체결, ka10076 체결 for the token's account.</summary>
public sealed class AccountQueries(SimMarket market)
{
    public SimAnswer Deposit(SimRequest request) => Answer(request, (ledger, _) => new JsonObject
    {
        ["entr"] = Padded(ledger.Cash),
        ["ord_alow_amt"] = Padded(ledger.BuyingPower),
        ["d2_entra"] = Padded(ledger.Cash),
    });

    public SimAnswer Balance(SimRequest request) => Answer(request, (ledger, view) =>
    {
        var rows = new JsonArray();
        long cost = 0, value = 0;
        foreach (var position in ledger.Positions.Values.OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            var price = view(position.Code)?.Price ?? position.AveragePrice;
            var evaluation = price * position.Quantity;
            (cost, value) = (cost + position.Cost, value + evaluation);
            rows.Add(new JsonObject
            {
                ["stk_cd"] = "A" + position.Code,
                ["stk_nm"] = position.Name,
                ["rmnd_qty"] = Padded(position.Quantity),
                ["trde_able_qty"] = Padded(ledger.Sellable(position.Code)),
                ["pur_pric"] = Padded(position.AveragePrice),
                ["cur_prc"] = Padded(price),
                ["evltv_prft"] = Padded(evaluation - position.Cost),
                ["prft_rt"] = Percent(evaluation - position.Cost, position.Cost),
            });
        }

        return new JsonObject
        {
            ["tot_pur_amt"] = Padded(cost),
            ["tot_evlt_amt"] = Padded(value),
            ["tot_evlt_pl"] = Padded(value - cost),
            ["tot_prft_rt"] = Percent(value - cost, cost),
            ["prsm_dpst_aset_amt"] = Padded(ledger.Cash + value),
            ["acnt_evlt_remn_indv_tot"] = rows,
        };
    });

    public SimAnswer Unfilled(SimRequest request) => Answer(request, (ledger, _) =>
        new JsonObject { ["oso"] = new JsonArray([.. ledger.OpenOrders.OrderBy(o => o.Number).Select(Row)]) });

    public SimAnswer Filled(SimRequest request) => Answer(request, (ledger, _) =>
        new JsonObject { ["cntr"] = new JsonArray([.. ledger.Orders.Where(o => o.Filled > 0).OrderBy(o => o.Number).Select(Row)]) });

    private SimAnswer Answer(SimRequest request, Func<Ledger, Func<string, StockView?>, JsonObject> build)
    {
        var body = market.Read(request.Token!.Account.AccountNo, build);
        return new(body is null ? KiwoomErrors.Answer(KiwoomErrors.OrderRefused, "계좌가 없습니다") : KiwoomErrors.Success(body));
    }

    private static JsonObject Row(UserOrder o) => new()
    {
        ["ord_no"] = UserOrder.FormatNumber(o.Number),
        ["orig_ord_no"] = UserOrder.FormatNumber(o.OriginalNumber),
        ["stk_cd"] = o.Code,
        ["stk_nm"] = o.Name,
        ["ord_stt"] = o.State,
        ["io_tp_nm"] = o.Side == OrderSide.Buy ? "+매수" : "-매도",
        ["trde_tp"] = o.Type == OrderType.Market ? "시장가" : "보통",
        ["ord_qty"] = Number(o.Quantity),
        ["ord_pric"] = Number(o.Type == OrderType.Market ? 0 : o.Price),
        ["oso_qty"] = Number(o.Remaining),
        ["cntr_qty"] = Number(o.Filled),
        ["cntr_pric"] = Number(o.AverageFillPrice),
        ["tdy_trde_cmsn"] = Number(o.Commission),
        ["tdy_trde_tax"] = Number(o.Tax),
        ["tm"] = Time(o.Time),
    };

    // Account amounts come zero-padded and signed, as Kiwoom sends them.
    private static string Padded(long value) => (value < 0 ? "-" : "") + Math.Abs(value).ToString("D15", System.Globalization.CultureInfo.InvariantCulture);

    private static string Percent(long profit, long cost) =>
        (cost == 0 ? 0m : Math.Round(profit * 100m / cost, 2)).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
