using Gslts.KiwoomBridge.Realtime;

namespace Gslts.KiwoomBridge.Tests;

public sealed class FeedPlanTests
{
    private static readonly string[] Seven = ["000001", "000002", "000003", "000004", "000005", "000006", "000007"];

    [Fact]
    public void Codes_are_dealt_round_robin_over_as_few_connections_as_hold_them()
    {
        var plan = FeedPlan.Spread(Seven, connections: 4, perConnection: 3);

        Assert.Equal(3, plan.Connections.Count);
        Assert.Equal(["000001", "000004", "000007"], plan.Connections[0]);
        Assert.Equal(["000002", "000005"], plan.Connections[1]);
        Assert.Equal(["000003", "000006"], plan.Connections[2]);
        Assert.Empty(plan.Uncovered);
        Assert.Equal(7, plan.LiveCodes);
    }

    [Fact]
    public void Codes_past_every_connections_capacity_are_uncovered_in_priority_order()
    {
        var plan = FeedPlan.Spread(Seven, connections: 2, perConnection: 2);

        Assert.Equal(["000001", "000002", "000003", "000004"], plan.Connections.SelectMany(c => c).Order());
        Assert.Equal(["000005", "000006", "000007"], plan.Uncovered);
    }

    [Fact]
    public void A_code_given_twice_takes_one_place_at_its_first_position()
    {
        var plan = FeedPlan.Spread(["000002", "000001", "000002", "000003"], connections: 1, perConnection: 3);

        Assert.Equal(["000002", "000001", "000003"], Assert.Single(plan.Connections));
    }

    [Fact]
    public void The_accounts_connection_opens_even_with_no_codes()
    {
        var plan = FeedPlan.Spread([], connections: 3, perConnection: 100);

        Assert.Empty(Assert.Single(plan.Connections));
    }

    [Fact]
    public void Plans_are_the_same_only_with_the_same_codes_on_the_same_connections()
    {
        var plan = FeedPlan.Spread(Seven, 2, 4);

        Assert.True(plan.SameAs(FeedPlan.Spread(Seven, 2, 4)));
        Assert.False(plan.SameAs(FeedPlan.Spread(Seven.Reverse(), 2, 4)));
        Assert.False(plan.SameAs(FeedPlan.Spread(Seven, 2, 7)));
        Assert.False(plan.SameAs(FeedPlan.Spread(Seven.Take(6), 2, 4)));
    }
}
