using System.Text.Json.Nodes;
using static Gslts.KiwoomSim.Protocol.KiwoomFormat;

namespace Gslts.KiwoomSim.Realtime;

/// <summary>
/// 0s 장시작시간: the market's session changes, sent to every session that registered it (item ""). Codes from Kiwoom's
/// spec for field 215 (장운영구분): 0 before the open (the opening auction), 3 open, 2 the closing auction, 4 closed,
/// 8 the regular session over; 214 is the time left to the open.
/// </summary>
public static class SessionItem
{
    public const string Type = "0s";

    public const string BeforeOpen = "0";
    public const string Open = "3";
    public const string ClosingAuction = "2";
    public const string Closed = "4";
    public const string RegularSessionOver = "8";

    /// <summary>The 215 code of a phase; null for the quiet time before the opening auction.</summary>
    public static string? Code(MarketPhase phase) => phase switch
    {
        MarketPhase.OpeningAuction => BeforeOpen,
        MarketPhase.Continuous => Open,
        MarketPhase.ClosingAuction => ClosingAuction,
        MarketPhase.Closed => Closed,
        _ => null,
    };

    /// <summary>The items a change to <paramref name="phase"/> at <paramref name="time"/> sends (the close sends 4, then 8).</summary>
    public static List<JsonObject> For(MarketPhase phase, TimeOnly time, KrxSessions sessions)
    {
        if (Code(phase) is not { } code) return [];
        var items = new List<JsonObject> { Item(code, time, phase == MarketPhase.OpeningAuction ? sessions.Open - time : TimeSpan.Zero) };
        if (phase == MarketPhase.Closed) items.Add(Item(RegularSessionOver, time, TimeSpan.Zero));
        return items;
    }

    public static JsonObject Item(string code, TimeOnly time, TimeSpan toOpen) => new()
    {
        ["type"] = Type,
        ["name"] = "장시작시간",
        ["item"] = "",
        ["values"] = new JsonObject
        {
            ["215"] = code,
            ["20"] = Time(time),
            ["214"] = Time(TimeOnly.FromTimeSpan(toOpen > TimeSpan.Zero ? toOpen : TimeSpan.Zero)),
        },
    };
}
