using Gslts.Grains.Interfaces.Stocks;
using Gslts.KiwoomBridge.Feeding;

namespace Gslts.KiwoomBridge.Tests.Feeding;

public sealed class StockLaneTests
{
    private readonly Prints samsung = new("005930", Prints.Monday);
    private readonly StockLane lane = new("005930");

    [Fact]
    public void Trades_go_in_cumulative_volume_order_whatever_order_they_arrived_in()
    {
        var (a, b, c) = (samsung.Print(70_000, 5), samsung.Print(70_100, -3), samsung.Print(70_200, 2));

        foreach (var t in new[] { c, a, b }) lane.Add(t, 0);

        Assert.Equal([5L, 8L, 10L], lane.NextBatch(10).Select(t => t.CumulativeVolume));
    }

    [Fact]
    public void A_trade_seen_twice_is_held_once()
    {
        var a = samsung.Print(70_000, 5);

        Assert.True(lane.Add(a, 0));
        Assert.False(lane.Add(a with { Sequence = 99 }, 0));
        Assert.Equal(1, lane.Count);
    }

    [Fact]
    public void Only_trades_that_join_the_grains_watermark_are_sent_and_the_rest_is_a_gap()
    {
        var a = samsung.Print(70_000, 5);
        samsung.Print(70_100, 4);
        var c = samsung.Print(70_200, 2);
        lane.Add(a, 0);
        lane.Add(c, 0);
        lane.Receive(new FeedReceipt(Prints.Monday, 0, 0), _ => { });

        Assert.Equal([a], lane.NextBatch(10));
        lane.Receive(new FeedReceipt(Prints.Monday, 5, 0), _ => { });

        Assert.Empty(lane.NextBatch(10));
        Assert.Equal((5L, 9L), lane.Gap);
    }

    [Fact]
    public void Stored_trades_leave_the_journal_and_unstored_ones_go_again_to_a_grain_that_lost_them()
    {
        var ticks = samsung.PrintMany(6);
        foreach (var t in ticks) lane.Add(t, 0);
        var applied = new List<Tick>();

        lane.Receive(new FeedReceipt(Prints.Monday, ticks[5].CumulativeVolume, ticks[1].CumulativeVolume), t => applied.Add(t.Tick));

        Assert.Equal(ticks, applied);
        Assert.Equal((4, 4), (lane.Count, lane.Journaled));

        // The silo died: the grain came back with what it had stored.
        lane.Receive(new FeedReceipt(Prints.Monday, ticks[1].CumulativeVolume, ticks[1].CumulativeVolume), _ => { });

        Assert.Equal(ticks[2..], lane.NextBatch(10));
    }

    [Fact]
    public void The_exchange_day_volume_shows_a_gap_even_when_no_trade_follows_it()
    {
        lane.Add(samsung.Print(70_000, 5), 0);
        lane.Receive(new FeedReceipt(Prints.Monday, 5, 5), _ => { });

        lane.Expect(Prints.Monday, 12);

        Assert.Equal((5L, 12L), lane.Gap);
    }

    [Fact]
    public void A_trade_of_a_new_day_starts_the_lane_over_and_a_grain_still_on_yesterday_has_nothing_of_today()
    {
        lane.Add(samsung.Print(70_000, 5), 0);
        lane.Receive(new FeedReceipt(Prints.Monday, 5, 0), _ => { });
        var tuesday = new Prints("005930", Prints.Monday.AddDays(1));
        tuesday.Print(71_000, 3);
        lane.Add(tuesday.Print(71_100, 4), 0);

        lane.Receive(new FeedReceipt(Prints.Monday, 5, 5), _ => { });

        Assert.Equal((Prints.Monday.AddDays(1), 0L), (lane.Date, lane.Applied));
        Assert.Equal((0L, 3L), lane.Gap);
    }
}
