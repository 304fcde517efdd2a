using System.Text.Json.Nodes;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>Kiwoom's error answers: HTTP 200, non-zero return_code, the Kiwoom code in brackets inside return_msg.</summary>
public static class KiwoomErrors
{
    public const int RateLimited = 1700;
    public const int ApiIdNotOnPath = 1504;
    public const int UnknownApiId = 1505;
    public const int AuthorizationMissing = 1513;
    public const int AuthorizationMalformed = 1514;
    public const int TokenInvalid = 8005;
    public const int BadRequest = 1501;
    public const int UnknownStock = 1902;
    public const int LoginFailed = 8001;

    /// <summary>The sim's code for an order the broker refuses (price, quantity, buying power, unknown order).</summary>
    public const int OrderRefused = 2000;

    /// <summary>The sim's code for a REG past the session's code cap (Kiwoom's own code for it is not published).</summary>
    public const int TooManyCodes = 2001;

    /// <summary>The sim's code for a fault of its own: answered in Kiwoom's shape, never as a bare HTTP 500.</summary>
    public const int SimFault = 1999;

    /// <summary>The sim's code for a real Kiwoom api-id (or path) it does not implement, so a client can tell it from a typo (1505).</summary>
    public const int NotSupportedBySim = 1998;

    /// <summary>The sim's code for a path that is not Kiwoom's at all (answered with HTTP 404).</summary>
    public const int UnknownPath = 1997;

    public const string Ok = "정상적으로 처리되었습니다";

    public static JsonObject Answer(int code, string message) => new()
    {
        ["return_code"] = code == 0 ? 0 : ReturnCodeOf(code),
        ["return_msg"] = code == 0 ? message : $"{message}[{code}:{message}]",
    };

    public static JsonObject Success(JsonObject body)
    {
        body["return_code"] = 0;
        body["return_msg"] = Ok;
        return body;
    }

    // Kiwoom reports most failures with small return_code values; the bracketed code tells which.
    private static int ReturnCodeOf(int code) => code is TokenInvalid or AuthorizationMissing or AuthorizationMalformed ? 3 : 2;
}
