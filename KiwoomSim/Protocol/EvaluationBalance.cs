using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Accounts;
using Gslts.KiwoomSim.Market;
using static Gslts.KiwoomSim.Protocol.KiwoomFormat;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>
/// kt00018 계좌평가잔고내역: each holding valued at the live price net of what selling it now would cost (평가수수료 and
/// 세금), as Kiwoom values it: 평가손익 = 평가금액 − 매입금액 − 매입수수료 − 평가수수료 − 세금. Amounts zero-padded to
/// Kiwoom's widths; a cash account has no loans.
/// </summary>
public static class EvaluationBalance
{
    public static (JsonObject Totals, List<JsonObject> Rows) Answer(Ledger ledger, Func<string, StockView?> view)
    {
        var holdings = ledger.Positions.Values.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => Value(ledger, p, view(p.Code))).ToList();
        var (cost, value, profit) = (holdings.Sum(h => h.Position.Cost), holdings.Sum(h => h.Value), holdings.Sum(h => h.Profit));
        var rows = holdings.Select(h => Row(ledger, h, cost)).ToList();
        var totals = new JsonObject
        {
            ["tot_pur_amt"] = Padded(cost),
            ["tot_evlt_amt"] = Padded(value),
            ["tot_evlt_pl"] = Padded(profit),
            ["tot_prft_rt"] = Percent(profit, cost),
            // 추정예탁자산: the D+2 cash plus what the holdings are worth.
            ["prsm_dpst_aset_amt"] = Padded(ledger.ProjectedCash + value),
            ["tot_loan_amt"] = Padded(0),
            ["tot_crd_loan_amt"] = Padded(0),
            ["tot_crd_ls_amt"] = Padded(0),
        };
        return (totals, rows);
    }

    private static Holding Value(Ledger ledger, Position position, StockView? view)
    {
        var price = view?.Price ?? position.AveragePrice;
        var value = price * position.Quantity;
        var (commission, tax) = ledger.SaleCosts(price, position.Quantity);
        return new Holding(position, price, view?.Listing.PreviousClose ?? price, value, commission, tax,
            value - position.Cost - position.BuyCommission - commission - tax);
    }

    private static JsonObject Row(Ledger ledger, Holding h, long totalCost)
    {
        var p = h.Position;
        var (today, previous) = (ledger.TradedToday(p.Code), ledger.TradedPreviousDay(p.Code));
        return new JsonObject
        {
            ["stk_cd"] = "A" + p.Code,
            ["stk_nm"] = p.Name,
            ["evltv_prft"] = Padded(h.Profit),
            ["prft_rt"] = Percent(h.Profit, p.Cost),
            ["pur_pric"] = Padded(p.AveragePrice),
            ["pred_close_pric"] = Padded(h.PreviousClose, 12),
            ["rmnd_qty"] = Padded(p.Quantity),
            ["trde_able_qty"] = Padded(ledger.Sellable(p.Code)),
            ["cur_prc"] = Padded(h.Price, 12),
            ["pred_buyq"] = Padded(previous.Bought),
            ["pred_sellq"] = Padded(previous.Sold),
            ["tdy_buyq"] = Padded(today.Bought),
            ["tdy_sellq"] = Padded(today.Sold),
            ["pur_amt"] = Padded(p.Cost),
            ["pur_cmsn"] = Padded(p.BuyCommission),
            ["evlt_amt"] = Padded(h.Value),
            ["sell_cmsn"] = Padded(h.SaleCommission),
            ["tax"] = Padded(h.SaleTax),
            ["sum_cmsn"] = Padded(p.BuyCommission + h.SaleCommission),
            // 보유비중: the holding's share of what the account paid for all it holds.
            ["poss_rt"] = Percent(p.Cost, totalCost),
            ["crd_tp"] = "00",
            ["crd_tp_nm"] = "",
            ["crd_loan_dt"] = "",
        };
    }

    private sealed record Holding(Position Position, long Price, long PreviousClose, long Value, long SaleCommission, long SaleTax, long Profit);
}
