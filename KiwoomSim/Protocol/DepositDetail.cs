using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Accounts;
using static Gslts.KiwoomSim.Protocol.KiwoomFormat;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>
/// kt00001 예수금상세현황: 예수금 (settled), the D+1 and D+2 estimates with what settles on each day, 주문가능금액 and
/// 출금가능금액 net of open buys. A mock cash account has no credit, loans, 대용 or foreign currency: those are zero.
/// </summary>
public static class DepositDetail
{
    // Fields a cash-only mock account always answers with zero, in the spec's order of appearance.
    private static readonly string[] Margin =
    [
        "bncr_profa_ch", "nxdy_bncr_sell_exct", "fc_stk_krw_repl_set_amt", "crd_grnta_ch", "crd_grnt_ch", "add_grnt_ch", "etc_profa",
        "uncl_stk_amt", "shrts_prica", "crd_set_grnta", "chck_ina_amt", "etc_chck_ina_amt", "crd_grnt_ruse", "knx_asset_evltv",
        "elwdpst_evlta", "crd_ls_rght_frcs_amt", "lvlh_join_amt", "lvlh_trns_alowa", "repl_amt", "remn_repl_evlta", "trst_remn_repl_evlta",
        "bncr_remn_repl_evlta", "profa_repl", "crd_grnta_repl", "crd_grnt_repl", "add_grnt_repl", "rght_repl_amt",
    ];

    private static readonly string[] Debts =
    [
        "ch_uncla", "ch_uncla_dlfe", "ch_uncla_tot", "crd_int_npay", "int_npay_amt_dlfe", "int_npay_amt_tot", "etc_loana", "etc_loana_dlfe",
        "etc_loan_tot", "nrpy_loan", "loan_sum", "ls_sum",
    ];

    private static readonly string[] Loans = ["mdstrm_usfe", "min_ord_alow_yn", "loan_remn_evlt_amt", "dpst_grntl_remn", "sell_grntl_remn"];

    public static JsonObject Body(Ledger ledger)
    {
        var (d1, d2) = (ledger.TradingDaysAhead(1), ledger.TradingDaysAhead(2));
        var (cash, cashD1, cashD2) = (ledger.Cash, ledger.CashOn(d1), ledger.CashOn(d2));
        var reserved = ledger.Reserved;
        var orderable = Math.Max(0, ledger.BuyingPower);
        var body = new JsonObject { ["entr"] = Padded(cash), ["profa_ch"] = Padded(reserved) };
        foreach (var name in Margin) body[name] = Padded(0);
        body["pymn_alow_amt"] = Padded(Math.Max(0, Math.Min(cash, Math.Min(cashD1, cashD2)) - reserved));
        body["wrap_pymn_alow_amt"] = Padded(0);
        body["ord_alow_amt"] = Padded(orderable);
        body["bncr_buy_alowa"] = Padded(orderable);
        // A cash account puts up the whole price whatever a stock's margin rate, so every rate's orderable amount is the same.
        foreach (var rate in new[] { 20, 30, 40, 100 }) body[$"{rate}stk_ord_alow_amt"] = Padded(orderable);
        foreach (var name in Debts) body[name] = Padded(0);
        body["crd_grnt_rt"] = "0.00";
        foreach (var name in Loans) body[name] = Padded(0);
        Settle(body, "d1", cashD1, ledger.DueOn(d1), Math.Min(cashD1, cashD2) - reserved);
        Settle(body, "d2", cashD2, ledger.DueOn(d2), cashD2 - reserved);
        body["50stk_ord_alow_amt"] = Padded(orderable);
        body["60stk_ord_alow_amt"] = Padded(orderable);
        body["stk_entr_prst"] = new JsonArray();
        return body;
    }

    private static void Settle(JsonObject body, string day, long estimate, Settlement due, long withdrawable)
    {
        body[$"{day}_entra"] = Padded(estimate);
        body[$"{day}_slby_exct_amt"] = Padded(due.Net);
        body[$"{day}_buy_exct_amt"] = Padded(due.Buys);
        body[$"{day}_out_rep_mor"] = Padded(0);
        body[$"{day}_sel_exct_amt"] = Padded(due.Sells);
        body[$"{day}_pymn_alow_amt"] = Padded(Math.Max(0, withdrawable));
    }
}
