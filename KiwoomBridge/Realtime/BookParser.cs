using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.KiwoomBridge.Realtime;

/// <summary>Turns one <c>0D</c> 주식호가잔량 item into an <see cref="OrderBook"/>: 41-50/61-70 asks, 51-60/71-80 bids.</summary>
public static class BookParser
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    public static (OrderBook? Book, string? Rejection) Parse(string? item, RealValues values, DateOnly tradingDate)
    {
        var code = KiwoomFields.StockCode(item);
        if (code is null) return (null, $"0D for unusable code '{item}'");
        if (values.Time(21) is not { } time) return (null, $"0D {code} lacks a valid time (21)");

        var asks = Levels(values, priceFrom: 41, quantityFrom: 61);
        var bids = Levels(values, priceFrom: 51, quantityFrom: 71);
        var expected = values.Price(23);
        return (new OrderBook(code, new DateTimeOffset(tradingDate.ToDateTime(time), Kst), asks, bids,
            values.Signed(121) ?? Sum(asks), values.Signed(125) ?? Sum(bids),
            expected is > 0 ? expected : null, expected is > 0 ? values.Signed(24) : null), null);
    }

    // An empty level comes as price "0" (or is missing): the side simply has fewer levels.
    private static BookLevel[] Levels(RealValues values, int priceFrom, int quantityFrom)
    {
        var depth = 0;
        while (depth < 10 && values.Price(priceFrom + depth) is > 0) depth++;
        var levels = new BookLevel[depth];
        for (var i = 0; i < depth; i++) levels[i] = new BookLevel(values.Price(priceFrom + i)!.Value, values.Signed(quantityFrom + i) ?? 0);
        return levels;
    }

    private static long Sum(BookLevel[] levels)
    {
        long sum = 0;
        foreach (var level in levels) sum += level.Quantity;
        return sum;
    }
}
