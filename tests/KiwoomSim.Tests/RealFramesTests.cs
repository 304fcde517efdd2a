using System.Text.Json;
using Gslts.KiwoomSim.Market;
using Gslts.KiwoomSim.Realtime;

namespace Gslts.KiwoomSim.Tests;

public sealed class RealFramesTests
{
    private static SimTrade Trade(string code, long volume) =>
        new(code, new TimeOnly(9, 0), 70_000, 1, 70_000, 70_000, 70_000, 70_000, volume, volume * 70_000, volume, 0, 70_100, 70_000, 91_000, 49_000);

    [Fact]
    public void A_burst_goes_out_in_frames_of_at_most_a_thousand_items_in_print_order_with_the_books_last()
    {
        var trades = Enumerable.Range(1, 2_500).Select(i => Trade(i % 2 == 0 ? "005930" : "000660", i)).ToList();
        var books = new[] { """{"type":"0D","item":"005930"}"""u8.ToArray(), """{"type":"0D","item":"000660"}"""u8.ToArray() };

        var frames = RealMessages.TradeFrames(trades, (_, _) => true, books);

        var items = frames.Select(f => JsonDocument.Parse(f).RootElement).ToList();
        Assert.All(items, f => Assert.Equal("REAL", f.GetProperty("trnm").GetString()));
        Assert.Equal([1_000, 1_000, 502], items.Select(f => f.GetProperty("data").GetArrayLength()));
        var all = items.SelectMany(f => f.GetProperty("data").EnumerateArray()).ToList();
        Assert.Equal(Enumerable.Range(1, 2_500).Select(i => i.ToString()),
            all.Where(i => i.GetProperty("type").GetString() == "0B").Select(i => i.GetProperty("values").GetProperty("13").GetString()));
        Assert.Equal(["0D", "0D"], all.TakeLast(2).Select(i => i.GetProperty("type").GetString()));
    }

    [Fact]
    public void Nothing_registered_makes_no_frame()
    {
        Assert.Empty(RealMessages.TradeFrames([Trade("005930", 1)], (_, _) => false, []));
    }
}
