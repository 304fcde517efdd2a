using System.Globalization;
using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Accounts;
using Gslts.KiwoomSim.Market;
using Gslts.KiwoomSim.Matching;
using Gslts.KiwoomSim.Realtime;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>kt10000 매수, kt10001 매도, kt10002 정정, kt10003 취소 on /api/dostk/ordr, for the token's account.</summary>
public sealed class OrderOperations(SimMarket market, SimClock clock, RealtimeSessions sessions)
{
    public SimAnswer Buy(SimRequest request) => Place(request, OrderSide.Buy);

    public SimAnswer Sell(SimRequest request) => Place(request, OrderSide.Sell);

    public SimAnswer Modify(SimRequest request)
    {
        if (Venue(request) is { } venueError) return venueError;
        if (!TryNumber(request.Str("orig_ord_no"), out var original) || !TryNumber(request.Str("mdfy_qty"), out var quantity)
            || !TryNumber(request.Str("mdfy_uv"), out var price))
        {
            return Error("orig_ord_no, mdfy_qty, mdfy_uv는 숫자여야 합니다 (mdfy_qty 0 = 전량)");
        }

        var (trades, events) = (new List<SimTrade>(), new List<AccountEvent>());
        var outcome = market.Modify(request.Token!.Account.AccountNo, original, request.Str("stk_cd") ?? "", quantity, price, clock.Now, trades, events);
        Publish(trades, events);
        return outcome.Accepted
            ? Success(outcome, new JsonObject { ["base_orig_ord_no"] = Root(request, original), ["mdfy_qty"] = KiwoomFormat.Padded(outcome.Quantity, 12) })
            : Error(outcome.Message);
    }

    public SimAnswer Cancel(SimRequest request)
    {
        if (Venue(request) is { } venueError) return venueError;
        if (!TryNumber(request.Str("orig_ord_no"), out var original) || !TryNumber(request.Str("cncl_qty"), out var quantity))
        {
            return Error("orig_ord_no와 cncl_qty는 숫자여야 합니다 (cncl_qty 0 = 전량)");
        }

        var events = new List<AccountEvent>();
        var outcome = market.Cancel(request.Token!.Account.AccountNo, original, request.Str("stk_cd") ?? "", quantity, clock.Now, events);
        Publish([], events);
        return outcome.Accepted
            ? Success(outcome, new JsonObject { ["base_orig_ord_no"] = Root(request, original), ["cncl_qty"] = KiwoomFormat.Padded(outcome.Quantity, 12) })
            : Error(outcome.Message);
    }

    private SimAnswer Place(SimRequest request, OrderSide side)
    {
        if (Venue(request) is { } venueError) return venueError;
        OrderType? tradeType = request.Str("trde_tp") switch
        {
            "0" => OrderType.Limit,
            "3" => OrderType.Market,
            _ => null,
        };
        if (tradeType is not { } type) return Error($"지원하지 않는 매매구분입니다 ({request.Str("trde_tp")}): 0 보통(지정가), 3 시장가");
        if (!TryNumber(request.Str("ord_qty"), out var quantity)) return Error("ord_qty는 숫자여야 합니다");
        var priceText = request.Str("ord_uv");
        long price = 0;
        if (type == OrderType.Limit && !TryNumber(priceText, out price)) return Error("지정가 주문의 ord_uv는 숫자여야 합니다");
        if (type == OrderType.Market && !string.IsNullOrEmpty(priceText) && priceText != "0") return Error("시장가 주문은 ord_uv를 비웁니다");

        var (trades, events) = (new List<SimTrade>(), new List<AccountEvent>());
        var outcome = market.Place(request.Token!.Account.AccountNo, request.Str("stk_cd") ?? "", side, type, price, quantity, clock.Now, trades, events);
        Publish(trades, events);
        return outcome.Accepted ? Success(outcome, new JsonObject()) : Error(outcome.Message);
    }

    // 모주문번호: the first order of the modify chain the original belongs to.
    private string Root(SimRequest request, long original) =>
        UserOrder.FormatNumber(market.Read(request.Token!.Account.AccountNo, (ledger, _) => ledger.RootOf(original)));

    private void Publish(List<SimTrade> trades, List<AccountEvent> events)
    {
        sessions.Publish(trades, _ => null);
        sessions.PublishAccount(events);
    }

    private static SimAnswer? Venue(SimRequest request) =>
        request.Str("dmst_stex_tp") is "KRX" ? null : Error($"KiwoomSim은 KRX 주문만 받습니다 (dmst_stex_tp={request.Str("dmst_stex_tp")})");

    private static SimAnswer Success(OrderOutcome outcome, JsonObject body)
    {
        body["ord_no"] = UserOrder.FormatNumber(outcome.OrderNumber);
        body["dmst_stex_tp"] = "KRX";
        return new(KiwoomErrors.Success(body));
    }

    private static SimAnswer Error(string message) => new(KiwoomErrors.Answer(KiwoomErrors.OrderRefused, message));

    private static bool TryNumber(string? text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

}
