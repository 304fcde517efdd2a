using System.Globalization;
using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Accounts;
using Gslts.KiwoomSim.Market;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>kt00001 예수금상세, kt00018 계좌평가잔고, ka10075 미체결, ka10076 체결 for the token's account, read under the market's lock.</summary>
public sealed class AccountQueries(SimMarket market, int pageSize)
{
    public SimAnswer Deposit(SimRequest request) =>
        request.Str("qry_tp") is "2" or "3"
            ? Answer(request, (ledger, _) => (DepositDetail.Body(ledger), null))
            : Refuse($"qry_tp는 3(추정조회) 또는 2(일반조회)입니다 ({request.Str("qry_tp")})");

    public SimAnswer Balance(SimRequest request)
    {
        if (request.Str("qry_tp") is not ("1" or "2")) return Refuse($"qry_tp는 1(합산) 또는 2(개별)입니다 ({request.Str("qry_tp")})");
        if (request.Str("dmst_stex_tp") is not "KRX") return Refuse($"KiwoomSim의 잔고는 KRX뿐입니다 (dmst_stex_tp={request.Str("dmst_stex_tp")})");
        return Answer(request, (ledger, view) =>
        {
            var (body, rows) = EvaluationBalance.Answer(ledger, view);
            var (start, next) = Paging.Page(request.NextKey, pageSize, rows.Count);
            body["acnt_evlt_remn_indv_tot"] = new JsonArray([.. rows.Skip(start).Take(pageSize)]);
            return (body, next);
        });
    }

    public SimAnswer Unfilled(SimRequest request)
    {
        if (OrderLists.Read(request, "all_stk_tp", "trde_tp", out var error) is not { } filter) return error!;
        return Orders(request, "oso", o => o.Remaining > 0 && filter.Matches(o), (ledger, o, view) => OrderLists.Unfilled(ledger, o, view(o.Code)));
    }

    public SimAnswer Filled(SimRequest request)
    {
        if (OrderLists.Read(request, "qry_tp", "sell_tp", out var error) is not { } filter) return error!;
        return Orders(request, "cntr", o => o.Filled > 0 && filter.Matches(o), (_, o, _) => OrderLists.Filled(o));
    }

    // Newest first; the next-key is the last order number served, so new orders arriving between pages shift nothing.
    private SimAnswer Orders(SimRequest request, string list, Func<UserOrder, bool> wanted, Func<Ledger, UserOrder, Func<string, StockView?>, JsonObject> row) =>
        Answer(request, (ledger, view) =>
        {
            var before = long.TryParse(request.NextKey, NumberStyles.None, CultureInfo.InvariantCulture, out var key) ? key : long.MaxValue;
            var orders = ledger.Orders.Where(o => o.Number < before && wanted(o)).OrderByDescending(o => o.Number).Take(pageSize + 1).ToList();
            var page = orders.Take(pageSize).ToList();
            var next = orders.Count > pageSize ? page[^1].Number.ToString(CultureInfo.InvariantCulture) : null;
            return (new JsonObject { [list] = new JsonArray([.. page.Select(o => row(ledger, o, view))]) }, next);
        });

    private SimAnswer Answer(SimRequest request, Func<Ledger, Func<string, StockView?>, (JsonObject Body, string? NextKey)> build)
    {
        var answer = market.Read(request.Token!.Account.AccountNo, (ledger, view) => (Built: build(ledger, view), Found: true));
        return answer.Found ? new(KiwoomErrors.Success(answer.Built.Body), answer.Built.NextKey) : Refuse("계좌가 없습니다", KiwoomErrors.OrderRefused);
    }

    private static SimAnswer Refuse(string message, int code = KiwoomErrors.BadRequest) => new(KiwoomErrors.Answer(code, message));
}
