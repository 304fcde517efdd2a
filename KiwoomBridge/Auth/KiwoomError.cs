using System.Text.Json;
using System.Text.RegularExpressions;

namespace Gslts.KiwoomBridge.Auth;

/// <summary>The Kiwoom codes the product acts on, read from the bracket in return_msg ("…[8005:…]").</summary>
public static partial class KiwoomError
{
    public const int RateLimited = 1700;
    public const int ApiIdNotOnPath = 1504;
    public const int UnknownApiId = 1505;
    public const int AuthorizationMissing = 1513;
    public const int AuthorizationMalformed = 1514;
    public const int TokenInvalid = 8005;

    /// <summary>The bracketed Kiwoom code in a message, or null.</summary>
    public static int? CodeOf(string? message)
    {
        var match = message is null ? null : Bracket().Match(message);
        return match is { Success: true } ? int.Parse(match.Groups[1].Value) : null;
    }

    /// <summary>Throws <see cref="KiwoomException"/> when the body's return_code is not 0.</summary>
    public static void ThrowIfFailed(JsonElement body, string apiId)
    {
        var code = body.TryGetProperty("return_code", out var rc) ? rc.ValueKind switch
        {
            JsonValueKind.Number => rc.GetInt32(),
            JsonValueKind.String when int.TryParse(rc.GetString(), out var n) => n,
            _ => -1,
        } : -1;
        if (code == 0) return;
        var message = body.TryGetProperty("return_msg", out var m) ? m.GetString() : null;
        throw new KiwoomException(apiId, code, CodeOf(message), message ?? "no return_msg");
    }

    [GeneratedRegex(@"\[(\d{3,5}):")]
    private static partial Regex Bracket();
}

/// <summary>Kiwoom refused a call; <see cref="KiwoomCode"/> is the bracketed code when there was one.</summary>
public sealed class KiwoomException(string apiId, int returnCode, int? kiwoomCode, string message)
    : Exception($"Kiwoom {apiId} failed: return_code {returnCode}, {message}")
{
    public string ApiId { get; } = apiId;
    public int ReturnCode { get; } = returnCode;
    public int? KiwoomCode { get; } = kiwoomCode;

    public bool IsTokenProblem => KiwoomCode is KiwoomError.TokenInvalid or KiwoomError.AuthorizationMissing or KiwoomError.AuthorizationMalformed;
}
