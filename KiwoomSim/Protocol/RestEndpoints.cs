using System.Text.Json;
using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Auth;
using Gslts.KiwoomSim.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>Kiwoom's REST paths: every call is a POST with an <c>api-id</c> header and a JSON body.</summary>
public static class RestEndpoints
{
    public static IEndpointRouteBuilder MapSimRest(this IEndpointRouteBuilder app)
    {
        app.MapPost("/oauth2/token", (HttpRequest request, TokenStore tokens) => Handle(request, "au10001", body =>
        {
            var issued = tokens.Issue(body.Str("appkey"), body.Str("secretkey"));
            return issued is null
                ? KiwoomErrors.Answer(KiwoomErrors.LoginFailed, "앱키 또는 시크릿키가 올바르지 않습니다")
                : KiwoomErrors.Success(new JsonObject
                {
                    ["expires_dt"] = KiwoomFormat.KstDateTime(issued.ExpiresAt),
                    ["token_type"] = "bearer",
                    ["token"] = issued.Value,
                });
        }));
        app.MapPost("/oauth2/revoke", (HttpRequest request, TokenStore tokens) => Handle(request, "au10002", body =>
            tokens.Revoke(body.Str("appkey"), body.Str("token"))
                ? KiwoomErrors.Success(new JsonObject())
                : KiwoomErrors.Answer(KiwoomErrors.TokenInvalid, "유효하지 않은 토큰입니다")));
        app.MapPost("/api/dostk/stkinfo", (HttpRequest request, TokenStore tokens, SimMarket market) =>
            Authorized(request, tokens, "ka10001", body => StockInfo.Answer(market, body.Str("stk_cd"))));
        app.MapGet("/sim/stats", (SimMarket market) => Results.Json(market.Stats()));
        return app;
    }

    private static Task<IResult> Authorized(HttpRequest request, TokenStore tokens, string apiId, Func<JsonElement, JsonObject> answer) =>
        Handle(request, apiId, body =>
        {
            var header = request.Headers.Authorization.ToString();
            if (header.Length == 0) return KiwoomErrors.Answer(KiwoomErrors.AuthorizationMissing, "authorization 헤더가 없습니다");
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                return KiwoomErrors.Answer(KiwoomErrors.AuthorizationMalformed, "authorization 헤더 형식이 올바르지 않습니다");
            return tokens.Validate(header["Bearer ".Length..].Trim()) is null
                ? KiwoomErrors.Answer(KiwoomErrors.TokenInvalid, "Token이 유효하지 않습니다")
                : answer(body);
        });

    private static async Task<IResult> Handle(HttpRequest request, string apiId, Func<JsonElement, JsonObject> answer)
    {
        var id = request.Headers["api-id"].ToString();
        if (id != apiId)
        {
            return Json(id.Length == 0
                ? KiwoomErrors.Answer(KiwoomErrors.UnknownApiId, "api-id 헤더가 없습니다")
                : KiwoomErrors.Answer(KiwoomErrors.ApiIdNotOnPath, $"이 경로에서 지원하지 않는 API ID입니다 ({id})"));
        }

        JsonElement body;
        try
        {
            body = (await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted)).RootElement;
        }
        catch (JsonException)
        {
            return Json(KiwoomErrors.Answer(KiwoomErrors.BadRequest, "요청 본문이 올바른 JSON이 아닙니다"));
        }

        return Json(body.ValueKind == JsonValueKind.Object
            ? answer(body)
            : KiwoomErrors.Answer(KiwoomErrors.BadRequest, "요청 본문은 JSON 객체여야 합니다"));
    }

    private static IResult Json(JsonObject body) =>
        Results.Text(body.ToJsonString(), "application/json;charset=UTF-8");

    internal static string? Str(this JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
