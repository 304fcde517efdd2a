using Gslts.KiwoomSim.Market;

namespace Gslts.KiwoomSim.Tests;

public sealed class OrderFlowTests
{
    private static readonly TimeOnly Nine = new(9, 0);

    [Fact]
    public void The_same_seed_prints_the_same_trades()
    {
        var first = new SimMarket(MarketUniverse.LargeCaps, seed: 7).Generate(5_000, Nine);
        var second = new SimMarket(MarketUniverse.LargeCaps, seed: 7).Generate(5_000, Nine);
        var other = new SimMarket(MarketUniverse.LargeCaps, seed: 8).Generate(5_000, Nine);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Every_trade_is_on_a_valid_tick_inside_the_daily_limits_with_consistent_day_totals()
    {
        var trades = new SimMarket(MarketUniverse.LargeCaps, seed: 11).Generate(50_000, Nine);

        foreach (var trade in trades)
        {
            var limits = PriceLimits.From(trade.BasePrice);
            Assert.True(TickSize.IsValid(trade.Price), $"{trade.Code} {trade.Price} is off tick");
            Assert.InRange(trade.Price, limits.Lower, limits.Upper);
            Assert.InRange(trade.Price, trade.Low, trade.High);
            Assert.NotEqual(0, trade.Quantity);
            Assert.Equal(trade.Volume, trade.BuyVolume + trade.SellVolume);
        }
    }

    [Fact]
    public void Stats_count_exactly_the_trades_printed()
    {
        var market = new SimMarket(MarketUniverse.LargeCaps, seed: 3);
        var trades = market.Generate(2_000, Nine).Concat(market.Generate(3_000, Nine.AddMinutes(1))).ToList();

        var stats = market.Stats();

        Assert.True(trades.Count >= 5_000);
        Assert.Equal(trades.Count, stats.Trades);
        Assert.Equal(trades.Sum(t => Math.Abs(t.Quantity)), stats.Volume);
        foreach (var (code, stock) in stats.Stocks)
        {
            var own = trades.Where(t => t.Code == code).ToList();
            Assert.Equal((long)own.Count, stock.Trades);
            Assert.Equal(own.Sum(t => t.Price * Math.Abs(t.Quantity)), stock.TradingValue);
        }
    }

    [Fact]
    public void The_books_the_flow_builds_are_never_crossed_and_quote_both_sides_of_busy_stocks()
    {
        var market = new SimMarket(MarketUniverse.LargeCaps, seed: 4);
        market.Generate(20_000, Nine);

        // A stock in a VI collects orders for its call auction: its book may cross until the single price.
        var halted = market.Interrupted();
        foreach (var view in market.Views().Where(v => v.Trades > 50 && !halted.Contains(v.Listing.Code)))
        {
            Assert.True(view.BestBid > 0 && view.BestAsk > 0, $"{view.Listing.Code} has both sides");
            Assert.True(view.BestBid < view.BestAsk, $"{view.Listing.Code} bid {view.BestBid} < ask {view.BestAsk}");
        }
    }

    [Fact]
    public void Trade_sizes_have_a_heavy_tail()
    {
        var sizes = new SimMarket(MarketUniverse.LargeCaps, seed: 5).Generate(20_000, Nine).Select(t => Math.Abs(t.Quantity)).Order().ToList();

        var median = sizes[sizes.Count / 2];
        var top = sizes[(int)(sizes.Count * 0.999)];
        Assert.True(top >= 50 * median, $"99.9th percentile {top} vs median {median}");
    }
}
