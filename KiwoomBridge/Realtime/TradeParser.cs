using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.KiwoomBridge.Realtime;

/// <summary>Turns one <c>0B</c> 주식체결 item into a <see cref="Tick"/>.</summary>
public static class TradeParser
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    /// <summary>The trade (numbered <paramref name="sequence"/> in the feed), or the reason the item was rejected.</summary>
    public static (Tick? Tick, string? Rejection) Parse(string? item, RealValues values, DateOnly tradingDate, long sequence = 0)
    {
        var code = KiwoomFields.StockCode(item);
        if (code is null) return (null, $"0B for unusable code '{item}'");

        var time = values.Time(20);
        var price = values.Price(10);
        var quantity = values.Signed(15);
        var cumulative = values.Signed(13);
        if (time is null || price is not > 0 || quantity is null or 0 || cumulative is null || cumulative.Value < Math.Abs(quantity.Value))
        {
            return (null, $"0B {code} lacks a valid time (20), price (10), quantity (15) or cumulative volume (13)");
        }

        return (new Tick(
            code,
            sequence,
            new DateTimeOffset(tradingDate.ToDateTime(time.Value), Kst),
            price.Value,
            quantity.Value,
            Change: values.Signed(11) ?? 0,
            DayOpen: values.Price(16) ?? 0,
            DayHigh: values.Price(17) ?? 0,
            DayLow: values.Price(18) ?? 0,
            CumulativeVolume: cumulative.Value), null);
    }
}
