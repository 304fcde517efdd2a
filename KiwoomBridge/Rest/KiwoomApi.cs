using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Gslts.KiwoomBridge.Realtime;

namespace Gslts.KiwoomBridge.Rest;

/// <summary>The Kiwoom operations the product uses, typed: requests built and answers read from Kiwoom's string formats.</summary>
public sealed partial class KiwoomApi(KiwoomRestClient client)
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    // Primary constructor parameters are only in scope in this part of the partial class.
    private KiwoomRestClient Client => client;

    /// <summary>ka10001 주식기본정보.</summary>
    public async Task<StockInfo> StockInfoAsync(string code, CancellationToken cancellationToken)
    {
        var (body, _) = await client.CallAsync("/api/dostk/stkinfo", "ka10001", new { stk_cd = code }, CallKind.Query, null, cancellationToken);
        using (body)
        {
            var r = body.RootElement;
            return new StockInfo(Text(r, "stk_cd"), Text(r, "stk_nm"), Price(r, "cur_prc"), Price(r, "base_pric"), Price(r, "upl_pric"),
                Price(r, "lst_pric"), Price(r, "open_pric"), Price(r, "high_pric"), Price(r, "low_pric"), Number(r, "trde_qty"));
        }
    }

    /// <summary>ka10099 종목정보 리스트, every page: <paramref name="market"/> "0" KOSPI, "10" KOSDAQ.</summary>
    public async IAsyncEnumerable<KiwoomListing> StockListAsync(string market, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in client.PagesAsync("/api/dostk/stkinfo", "ka10099", new { mrkt_tp = market }, cancellationToken))
        {
            using (page)
            {
                foreach (var row in Rows(page.RootElement, "list"))
                {
                    if (KiwoomFields.StockCode(Text(row, "code")) is not { } code) continue;
                    yield return new KiwoomListing(code, Text(row, "name"), Text(row, "marketName"), Text(row, "upName"), Number(row, "lastPrice"),
                        Text(row, "nxtEnable") == "Y");
                }
            }
        }
    }

    /// <summary>ka10079 틱차트 (tic_scope 1): the newest trading day's trades on the tape, newest first, across pages.</summary>
    public async IAsyncEnumerable<ChartTick> DayTapeAsync(string code, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        DateOnly? day = null;
        await foreach (var page in client.PagesAsync("/api/dostk/chart", "ka10079", new { stk_cd = code, tic_scope = "1", upd_stkpc_tp = "1" }, cancellationToken))
        {
            using (page)
            {
                foreach (var row in Rows(page.RootElement, "stk_tic_chart_qry"))
                {
                    var time = new DateTimeOffset(DateTime.ParseExact(Text(row, "cntr_tm"), "yyyyMMddHHmmss", CultureInfo.InvariantCulture), Kst);
                    day ??= DateOnly.FromDateTime(time.DateTime);
                    if (DateOnly.FromDateTime(time.DateTime) != day) yield break;
                    yield return new ChartTick(code, time, Price(row, "cur_prc"), Number(row, "trde_qty"), Number(row, "pred_pre"));
                }
            }
        }
    }

    /// <summary>kt10000 매수 / kt10001 매도 on KRX; <paramref name="price"/> null = 시장가. Returns the order number.</summary>
    public async Task<string> PlaceAsync(bool buy, string code, long quantity, long? price, CancellationToken cancellationToken)
    {
        var body = new
        {
            dmst_stex_tp = "KRX",
            stk_cd = code,
            ord_qty = quantity.ToString(CultureInfo.InvariantCulture),
            ord_uv = price?.ToString(CultureInfo.InvariantCulture) ?? "",
            trde_tp = price is null ? "3" : "0",
            cond_uv = "",
        };
        var (answer, _) = await client.CallAsync("/api/dostk/ordr", buy ? "kt10000" : "kt10001", body, CallKind.Order, null, cancellationToken);
        using (answer) return Text(answer.RootElement, "ord_no");
    }

    /// <summary>kt10003 취소: <paramref name="quantity"/> 0 = all that is left. Returns the cancel's own order number.</summary>
    public async Task<string> CancelAsync(string originalOrderNo, string code, long quantity, CancellationToken cancellationToken)
    {
        var body = new { dmst_stex_tp = "KRX", orig_ord_no = originalOrderNo, stk_cd = code, cncl_qty = quantity.ToString(CultureInfo.InvariantCulture) };
        var (answer, _) = await client.CallAsync("/api/dostk/ordr", "kt10003", body, CallKind.Order, null, cancellationToken);
        using (answer) return Text(answer.RootElement, "ord_no");
    }

    /// <summary>kt10002 정정: moves <paramref name="quantity"/> to <paramref name="price"/>. Returns the new order number.</summary>
    public async Task<string> ModifyAsync(string originalOrderNo, string code, long quantity, long price, CancellationToken cancellationToken)
    {
        var body = new
        {
            dmst_stex_tp = "KRX", orig_ord_no = originalOrderNo, stk_cd = code,
            mdfy_qty = quantity.ToString(CultureInfo.InvariantCulture), mdfy_uv = price.ToString(CultureInfo.InvariantCulture), mdfy_cond_uv = "",
        };
        var (answer, _) = await client.CallAsync("/api/dostk/ordr", "kt10002", body, CallKind.Order, null, cancellationToken);
        using (answer) return Text(answer.RootElement, "ord_no");
    }

    /// <summary>ka10075 미체결: the account's open orders.</summary>
    public Task<IReadOnlyList<AccountOrder>> OpenOrdersAsync(CancellationToken cancellationToken) =>
        OrdersAsync("ka10075", new { all_stk_tp = "0", trde_tp = "0", stk_cd = "", stex_tp = "0" }, "oso", cancellationToken);

    /// <summary>ka10076 체결: today's orders with fills.</summary>
    public Task<IReadOnlyList<AccountOrder>> FilledOrdersAsync(CancellationToken cancellationToken) =>
        OrdersAsync("ka10076", new { stk_cd = "", qry_tp = "0", sell_tp = "0", ord_no = "", stex_tp = "0" }, "cntr", cancellationToken);

    /// <summary>kt00001 예수금상세: 예수금 and 주문가능금액.</summary>
    public async Task<Deposit> DepositAsync(CancellationToken cancellationToken)
    {
        var (body, _) = await client.CallAsync("/api/dostk/acnt", "kt00001", new { qry_tp = "3" }, CallKind.Query, null, cancellationToken);
        using (body) return new Deposit(Number(body.RootElement, "entr"), Number(body.RootElement, "ord_alow_amt"));
    }

    /// <summary>kt00018 계좌평가잔고: the holdings.</summary>
    public async Task<IReadOnlyList<Position>> PositionsAsync(CancellationToken cancellationToken)
    {
        var result = new List<Position>();
        await foreach (var page in client.PagesAsync("/api/dostk/acnt", "kt00018", new { qry_tp = "1", dmst_stex_tp = "KRX" }, cancellationToken))
        {
            using (page)
            {
                foreach (var row in Rows(page.RootElement, "acnt_evlt_remn_indv_tot"))
                {
                    result.Add(new Position(KiwoomFields.StockCode(Text(row, "stk_cd")) ?? Text(row, "stk_cd"), Text(row, "stk_nm"),
                        Number(row, "rmnd_qty"), Number(row, "trde_able_qty"), Number(row, "pur_pric"), Number(row, "cur_prc")));
                }
            }
        }

        return result;
    }

    private async Task<IReadOnlyList<AccountOrder>> OrdersAsync(string apiId, object request, string list, CancellationToken cancellationToken)
    {
        var result = new List<AccountOrder>();
        await foreach (var page in client.PagesAsync("/api/dostk/acnt", apiId, request, cancellationToken))
        {
            using (page)
            {
                foreach (var row in Rows(page.RootElement, list))
                {
                    var original = Text(row, "orig_ord_no").TrimStart('0');
                    result.Add(new AccountOrder(Text(row, "ord_no"), original.Length == 0 ? null : Text(row, "orig_ord_no"),
                        KiwoomFields.StockCode(Text(row, "stk_cd")) ?? Text(row, "stk_cd"), Text(row, "io_tp_nm").Contains("매수"),
                        Number(row, "ord_pric"), Number(row, "ord_qty"), Number(row, "oso_qty"), Number(row, "cntr_qty"), Number(row, "cntr_pric")));
                }
            }
        }

        return result;
    }

    // A list Kiwoom leaves out (or sends as something else) has no rows: an answer is read for what it has, never refused for more or less.
    private static IEnumerable<JsonElement> Rows(JsonElement answer, string list) =>
        answer.TryGetProperty(list, out var rows) && rows.ValueKind == JsonValueKind.Array ? rows.EnumerateArray() : [];

    private static string Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static long Number(JsonElement row, string name) => KiwoomFields.Signed(row, name) ?? 0;

    private static long Price(JsonElement row, string name) => KiwoomFields.Price(row, name) ?? 0;
}

public sealed record StockInfo(string Code, string Name, long Price, long BasePrice, long UpperLimit, long LowerLimit, long Open, long High, long Low, long Volume);

public sealed record KiwoomListing(string Code, string Name, string Market, string Sector, long PreviousClose, bool NxtEnabled);

public sealed record ChartTick(string Code, DateTimeOffset Time, long Price, long Quantity, long Change);

public sealed record AccountOrder(string OrderNo, string? OriginalOrderNo, string Code, bool Buy, long Price, long Quantity, long Remaining, long Filled,
    long AverageFillPrice);

public sealed record Deposit(long Cash, long BuyingPower);

public sealed record Position(string Code, string Name, long Quantity, long Sellable, long AveragePrice, long Price);
