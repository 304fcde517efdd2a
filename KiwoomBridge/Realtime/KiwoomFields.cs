using System.Globalization;
using System.Text.Json;

namespace Gslts.KiwoomBridge.Realtime;

/// <summary>Reads Kiwoom's string-typed values: "+70200", "-800", "000000070200", "090001".</summary>
public static class KiwoomFields
{
    /// <summary>The signed value of a numeric field, or null when missing or not a number.</summary>
    public static long? Signed(JsonElement values, string id) =>
        values.TryGetProperty(id, out var v) && v.ValueKind == JsonValueKind.String
        && long.TryParse(v.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;

    /// <summary>A price field: the sign only tells the direction vs the base price, so it is dropped.</summary>
    public static long? Price(JsonElement values, string id) => Signed(values, id) is { } n ? Math.Abs(n) : null;

    /// <summary>An HHMMSS time of day (KST).</summary>
    public static TimeOnly? Time(JsonElement values, string id) =>
        values.TryGetProperty(id, out var v) && v.ValueKind == JsonValueKind.String
        && TimeOnly.TryParseExact(v.GetString(), "HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t
            : null;

    /// <summary>KRX code as the grains key it: "A005930" → "005930". Venue-suffixed codes (_NX, _AL) are not KRX trades: null.</summary>
    public static string? StockCode(string? item)
    {
        if (string.IsNullOrEmpty(item) || item.Contains('_')) return null;
        var code = item.Length == 7 && item[0] == 'A' ? item[1..] : item;
        return Gslts.Krx.StockCode.IsValid(code) ? code : null;
    }
}
