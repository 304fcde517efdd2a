using Gslts.KiwoomBridge.Feeding;

namespace Gslts.KiwoomBridge.Tests.Feeding;

public sealed class TapeGapTests
{
    private readonly Prints samsung = new("005930", Prints.Monday);

    [Fact]
    public void The_gap_is_cut_from_the_whole_day_with_its_cumulative_volumes_prices_and_times()
    {
        var printed = samsung.PrintMany(40);

        var gap = TapeGap.FromDay("005930", Prints.Monday, samsung.Tape(), printed[9].CumulativeVolume, printed[29].CumulativeVolume);

        Assert.Equal(printed[10..30].Select(t => (t.CumulativeVolume, t.Price, Math.Abs(t.Quantity), t.Time, t.Change)),
            gap.Select(t => (t.CumulativeVolume, t.Price, Math.Abs(t.Quantity), t.Time, t.Change)));
    }

    [Fact]
    public void The_side_the_tape_does_not_give_follows_the_tick_rule()
    {
        samsung.Print(70_000, 5);
        samsung.Print(70_100, -3);
        samsung.Print(70_000, 2);
        samsung.Print(70_000, 1);

        var gap = TapeGap.FromDay("005930", Prints.Monday, samsung.Tape(), 0, samsung.Volume);

        Assert.Equal([5L, 3L, -2L, -1L], gap.Select(t => t.Quantity));
        Assert.Equal((70_000L, 70_100L, 70_000L), (gap[^1].DayOpen, gap[^1].DayHigh, gap[^1].DayLow));
    }

    [Theory]
    [InlineData(3, 8)]
    [InlineData(5, 9)]
    [InlineData(5, 100)]
    public void A_tape_whose_volumes_do_not_meet_the_gap_edges_is_refused(long from, long to)
    {
        samsung.Print(70_000, 5);
        samsung.Print(70_100, 3);
        samsung.Print(70_200, 4);

        Assert.Throws<TapeMismatchException>(() => TapeGap.FromDay("005930", Prints.Monday, samsung.Tape(), from, to));
    }

    [Fact]
    public void The_trades_after_the_gap_anchor_it_on_the_part_of_the_tape_that_reaches_back_to_it()
    {
        var printed = samsung.PrintMany(400);
        var recent = samsung.Tape()[..120];

        var gap = TapeGap.FromAnchor("005930", Prints.Monday, recent, printed[330..], printed[299].CumulativeVolume, printed[329].CumulativeVolume);

        Assert.NotNull(gap);
        Assert.Equal(printed[300..330].Select(t => (t.CumulativeVolume, t.Price, Math.Abs(t.Quantity), t.Time)),
            gap.Select(t => (t.CumulativeVolume, t.Price, Math.Abs(t.Quantity), t.Time)));
    }

    [Fact]
    public void An_anchor_found_more_than_once_or_a_tape_too_short_gives_no_answer_rather_than_a_guess()
    {
        for (var i = 0; i < 6; i++) samsung.Print(70_000, 1);
        var after = samsung.All.Skip(4).ToList();

        Assert.Null(TapeGap.FromAnchor("005930", Prints.Monday, samsung.Tape(), after[..1], 3, 4));

        var printed = samsung.PrintMany(200);
        Assert.Null(TapeGap.FromAnchor("005930", Prints.Monday, samsung.Tape()[..50], printed[180..], printed[99].CumulativeVolume, printed[179].CumulativeVolume));
    }
}
