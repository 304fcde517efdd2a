using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Market;
using Gslts.KiwoomSim.Matching;
using static Gslts.KiwoomSim.Protocol.KiwoomFormat;

namespace Gslts.KiwoomSim.Realtime;

/// <summary>1h VI발동/해제: every field of Kiwoom's spec, at a VI's trigger and at its release.</summary>
public static class ViItem
{
    public const string Type = "1h";

    /// <summary>9068 VI발동구분.</summary>
    public const string Triggered = "1";
    public const string Released = "2";

    public static JsonObject For(ViEvent vi)
    {
        var t = vi.Trigger;
        var (hasStatic, hasDynamic) = (t.Kind is ViKind.Static or ViKind.Both, t.Kind is ViKind.Dynamic or ViKind.Both);
        var kind = t.Kind switch { ViKind.Static => "정적", ViKind.Dynamic => "동적", _ => "동적+정적" };
        var basePrice = vi.Listing.PreviousClose;
        var values = new JsonObject
        {
            ["9001"] = vi.Listing.Code,
            ["302"] = vi.Listing.Name,
            ["13"] = Number(vi.Volume),
            ["14"] = Number(vi.TradingValue / 1_000_000),
            ["9068"] = vi.Released ? Released : Triggered,
            // The market's 업종 code as Kiwoom's rankings name it: 001 KOSPI, 101 KOSDAQ.
            ["9008"] = vi.Listing.Market == "KOSDAQ" ? "101" : "001",
            ["9075"] = "1",
            ["1221"] = Number(t.Price),
            ["1223"] = Time(vi.TriggeredAt),
            ["1224"] = Time(vi.ReleaseAt),
            ["1225"] = kind,
            ["1236"] = Number(hasStatic ? t.StaticReference : 0),
            ["1237"] = Number(hasDynamic ? t.DynamicReference : 0),
            ["1238"] = hasStatic ? Rate(t.Price, t.StaticReference) : "0.00",
            ["1239"] = hasDynamic ? Rate(t.Price, t.DynamicReference) : "0.00",
            ["1489"] = Rate(t.Price, basePrice),
            ["1490"] = Number(vi.Count),
            ["9069"] = t.Up ? "1" : "2",
            ["1279"] = (t.Up ? "+" : "-") + kind,
        };
        return new JsonObject { ["type"] = Type, ["name"] = "VI발동/해제", ["item"] = vi.Listing.Code, ["values"] = values };
    }
}
