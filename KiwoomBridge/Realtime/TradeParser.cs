using System.Text.Json;
using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.KiwoomBridge.Realtime;

/// <summary>Turns one <c>0B</c> 주식체결 item into a <see cref="Tick"/> (sequence 0: the feeder numbers it).</summary>
public static class TradeParser
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    /// <summary>The trade, or the reason the item was rejected.</summary>
    public static (Tick? Tick, string? Rejection) Parse(string? item, JsonElement values, DateOnly tradingDate)
    {
        var code = KiwoomFields.StockCode(item);
        if (code is null) return (null, $"0B for unusable code '{item}'");
        if (values.ValueKind != JsonValueKind.Object) return (null, $"0B {code} has no values object");

        var time = KiwoomFields.Time(values, "20");
        var price = KiwoomFields.Price(values, "10");
        var quantity = KiwoomFields.Signed(values, "15");
        var cumulative = KiwoomFields.Signed(values, "13");
        if (time is null || price is not > 0 || quantity is null or 0 || cumulative is null || cumulative.Value < Math.Abs(quantity.Value))
        {
            return (null, $"0B {code} lacks a valid time (20), price (10), quantity (15) or cumulative volume (13)");
        }

        return (new Tick(
            code,
            Sequence: 0,
            new DateTimeOffset(tradingDate.ToDateTime(time.Value), Kst),
            price.Value,
            quantity.Value,
            Change: KiwoomFields.Signed(values, "11") ?? 0,
            DayOpen: KiwoomFields.Price(values, "16") ?? 0,
            DayHigh: KiwoomFields.Price(values, "17") ?? 0,
            DayLow: KiwoomFields.Price(values, "18") ?? 0,
            CumulativeVolume: cumulative.Value), null);
    }
}
