using System.Text.Json;
using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Auth;
using Gslts.KiwoomSim.Market;
using Gslts.KiwoomSim.Realtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>
/// Serves Kiwoom's REST protocol: api-id dispatch per path, bearer tokens, per-app-key rate limits, paging headers,
/// injected faults. Every protocol error is a Kiwoom-style answer; the book and the market are never touched by one.
/// </summary>
public sealed class SimRest
{
    private readonly TokenStore tokens;
    private readonly SimFaults faults;
    private readonly RateLimiter limiter;
    private readonly ApiRouter router;

    public SimRest(TokenStore tokens, SimMarket market, SimClock clock, RealtimeSessions sessions, SimFaults faults, IOptions<SimOptions> options,
        TimeProvider time)
    {
        this.tokens = tokens;
        this.faults = faults;
        var o = options.Value;
        var orders = new OrderOperations(market, clock, sessions);
        var account = new AccountQueries(market, o.PageSize);
        var book = new BookQuote(market, clock);
        var charts = new ChartQueries(market, Math.Max(10, o.PageSize));
        limiter = new RateLimiter(time, rate => rate == RateClass.Order ? o.OrdersPerSecond : o.QueriesPerSecond);
        Operations =
        [
            new("/oauth2/token", "au10001", RateClass.None, IssueToken),
            new("/oauth2/revoke", "au10002", RateClass.None, RevokeToken),
            new("/api/dostk/stkinfo", "ka10001", RateClass.Query, r => new(StockInfo.Answer(market, r.Str("stk_cd")))),
            new("/api/dostk/stkinfo", "ka10099", RateClass.Query, r => StockList.Answer(market, r, o.PageSize)),
            new("/api/dostk/mrkcond", "ka10004", RateClass.Query, r => new(book.Answer(r.Str("stk_cd")))),
            new("/api/dostk/ordr", "kt10000", RateClass.Order, orders.Buy),
            new("/api/dostk/ordr", "kt10001", RateClass.Order, orders.Sell),
            new("/api/dostk/ordr", "kt10002", RateClass.Order, orders.Modify),
            new("/api/dostk/ordr", "kt10003", RateClass.Order, orders.Cancel),
            new("/api/dostk/acnt", "kt00001", RateClass.Query, account.Deposit),
            new("/api/dostk/acnt", "kt00018", RateClass.Query, account.Balance),
            new("/api/dostk/acnt", "ka10075", RateClass.Query, account.Unfilled),
            new("/api/dostk/acnt", "ka10076", RateClass.Query, account.Filled),
            new("/api/dostk/chart", "ka10079", RateClass.Query, charts.Tick),
            new("/api/dostk/chart", "ka10080", RateClass.Query, charts.Minute),
            new("/api/dostk/chart", "ka10081", RateClass.Query, charts.Daily),
            new("/api/dostk/rkinfo", "ka10032", RateClass.Query, r => TradingValueRanking.Answer(market, r, Math.Max(1, o.PageSize / 10))),
        ];
        router = new ApiRouter(Operations);
    }

    public IReadOnlyList<SimOperation> Operations { get; }

    public IEnumerable<string> Paths => Operations.Select(op => op.Path).Distinct();

    /// <summary>Answers one call on <paramref name="path"/>, a Kiwoom path or (from the fallback) any other.</summary>
    public async Task HandleAsync(HttpContext context, string path)
    {
        if (faults.TakeRestError())
        {
            await WriteAsync(context, Error(KiwoomErrors.SimFault, "주입된 서버 오류입니다 (/sim/faults/rest-errors)"), StatusCodes.Status500InternalServerError);
            return;
        }

        var route = router.Route(path, context.Request.Headers["api-id"].ToString());
        if (route.Operation is not { } operation)
        {
            await WriteAsync(context, new SimAnswer(route.Refusal!), route.Status);
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await WriteAsync(context, Error(KiwoomErrors.BadRequest, $"Kiwoom REST는 POST만 받습니다 ({context.Request.Method} {path})"),
                StatusCodes.Status405MethodNotAllowed, operation.ApiId);
            return;
        }

        await WriteAsync(context, await AnswerAsync(context, operation), StatusCodes.Status200OK, operation.ApiId);
    }

    private async Task<SimAnswer> AnswerAsync(HttpContext context, SimOperation operation)
    {
        IssuedToken? token = null;
        if (operation.NeedsToken)
        {
            var header = context.Request.Headers.Authorization.ToString();
            if (header.Length == 0) return Error(KiwoomErrors.AuthorizationMissing, "authorization 헤더가 없습니다");
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                return Error(KiwoomErrors.AuthorizationMalformed, "authorization 헤더 형식이 올바르지 않습니다");
            token = tokens.Validate(header["Bearer ".Length..].Trim());
            if (token is null) return Error(KiwoomErrors.TokenInvalid, "Token이 유효하지 않습니다");
            if (faults.TakeRateLimit() || !limiter.TryAcquire(token.Account.AppKey, operation.Rate))
                return Error(KiwoomErrors.RateLimited, $"허용된 요청 개수를 초과하였습니다. API ID={operation.ApiId}");
        }

        JsonElement body;
        try
        {
            body = (await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted)).RootElement;
        }
        catch (JsonException)
        {
            return Error(KiwoomErrors.BadRequest, "요청 본문이 올바른 JSON이 아닙니다");
        }

        if (body.ValueKind != JsonValueKind.Object) return Error(KiwoomErrors.BadRequest, "요청 본문은 JSON 객체여야 합니다");
        var paging = context.Request.Headers["cont-yn"].ToString() == "Y" ? context.Request.Headers["next-key"].ToString() : null;
        return operation.Answer(new SimRequest(body, paging, token));
    }

    private static SimAnswer Error(int code, string message) => new(KiwoomErrors.Answer(code, message));

    private static Task WriteAsync(HttpContext context, SimAnswer answer, int status, string? apiId = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json;charset=UTF-8";
        response.Headers["cont-yn"] = answer.NextKey is null ? "N" : "Y";
        response.Headers["next-key"] = answer.NextKey ?? "";
        response.Headers["api-id"] = apiId ?? context.Request.Headers["api-id"].ToString();
        return response.WriteAsync(KiwoomJson.Write(answer.Body), context.RequestAborted);
    }

    private SimAnswer IssueToken(SimRequest request)
    {
        var issued = tokens.Issue(request.Str("appkey"), request.Str("secretkey"));
        return new(issued is null
            ? KiwoomErrors.Answer(KiwoomErrors.LoginFailed, "앱키 또는 시크릿키가 올바르지 않습니다")
            : KiwoomErrors.Success(new JsonObject
            {
                ["expires_dt"] = KiwoomFormat.KstDateTime(issued.ExpiresAt),
                ["token_type"] = "bearer",
                ["token"] = issued.Value,
            }));
    }

    private SimAnswer RevokeToken(SimRequest request) => new(tokens.Revoke(request.Str("appkey"), request.Str("secretkey"), request.Str("token")) switch
    {
        RevokeResult.Revoked => KiwoomErrors.Success(new JsonObject()),
        RevokeResult.WrongKeys => KiwoomErrors.Answer(KiwoomErrors.LoginFailed, "앱키 또는 시크릿키가 올바르지 않습니다"),
        _ => KiwoomErrors.Answer(KiwoomErrors.TokenInvalid, "유효하지 않은 토큰입니다"),
    });
}
