using Gslts.Client.Web.Market;

namespace Gslts.Client.Web.Tests;

public sealed class ConnectionWatchesTests
{
    [Fact]
    public void With_room_for_one_watching_another_stock_switches_to_it()
    {
        var watches = new ConnectionWatches(1);

        Assert.Null(watches.Add("005930"));
        Assert.Equal("005930", watches.Add("000660"));
        Assert.Equal(["000660"], watches.Codes);
    }

    [Fact]
    public void Past_its_capacity_the_stock_watched_longest_ago_is_dropped_and_a_rewatch_makes_a_stock_the_newest()
    {
        var watches = new ConnectionWatches(3);
        foreach (var code in new[] { "005930", "000660", "035420" }) Assert.Null(watches.Add(code));

        Assert.Null(watches.Add("005930"));
        Assert.Equal("000660", watches.Add("105560"));
        Assert.Equal(["035420", "005930", "105560"], watches.Codes);
    }

    [Fact]
    public void A_thousand_watches_hold_no_more_than_the_capacity_and_clearing_hands_back_what_was_held()
    {
        var watches = new ConnectionWatches(2);
        for (var i = 0; i < 1000; i++) watches.Add($"{i:D6}");

        Assert.Equal(["000998", "000999"], watches.Codes);
        Assert.True(watches.Remove("000998"));
        Assert.False(watches.Remove("000998"));
        Assert.Equal(["000999"], watches.Clear());
        Assert.Empty(watches.Codes);
    }
}
