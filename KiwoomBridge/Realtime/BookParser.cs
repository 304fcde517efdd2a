using System.Text.Json;
using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.KiwoomBridge.Realtime;

/// <summary>Turns one <c>0D</c> 주식호가잔량 item into an <see cref="OrderBook"/>: 41-50/61-70 asks, 51-60/71-80 bids.</summary>
public static class BookParser
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    public static (OrderBook? Book, string? Rejection) Parse(string? item, JsonElement values, DateOnly tradingDate)
    {
        var code = KiwoomFields.StockCode(item);
        if (code is null) return (null, $"0D for unusable code '{item}'");
        if (values.ValueKind != JsonValueKind.Object || KiwoomFields.Time(values, "21") is not { } time)
        {
            return (null, $"0D {code} lacks a valid time (21)");
        }

        var asks = Levels(values, priceFrom: 41, quantityFrom: 61);
        var bids = Levels(values, priceFrom: 51, quantityFrom: 71);
        var expected = KiwoomFields.Price(values, "23");
        return (new OrderBook(code, new DateTimeOffset(tradingDate.ToDateTime(time), Kst), asks, bids,
            KiwoomFields.Signed(values, "121") ?? asks.Sum(l => l.Quantity), KiwoomFields.Signed(values, "125") ?? bids.Sum(l => l.Quantity),
            expected is > 0 ? expected : null, expected is > 0 ? KiwoomFields.Signed(values, "24") : null), null);
    }

    // An empty level comes as price "0" (or is missing): the side simply has fewer levels.
    private static BookLevel[] Levels(JsonElement values, int priceFrom, int quantityFrom)
    {
        var levels = new List<BookLevel>(10);
        for (var i = 0; i < 10; i++)
        {
            var price = KiwoomFields.Price(values, (priceFrom + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (price is not > 0) break;
            levels.Add(new BookLevel(price.Value, KiwoomFields.Signed(values, (quantityFrom + i).ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? 0));
        }

        return [.. levels];
    }
}
