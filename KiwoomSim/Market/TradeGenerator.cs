using Gslts.Grains.Krx;

namespace Gslts.KiwoomSim.Market;

/// <summary>
/// Decides the next synthetic trade: which stock, at what price, how many shares, which side.
/// Pure and deterministic: the same seed and the same calls give the same trades.
/// </summary>
public sealed class TradeGenerator(int seed)
{
    private readonly Random random = new(seed);

    /// <summary>A stock drawn in proportion to its liquidity (<paramref name="cumulative"/> = running sums of the weights).</summary>
    public int NextStock(double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return index >= 0 ? index : ~index;
    }

    /// <summary>A small random walk on the tick grid, pulled back toward the base price, inside the daily limits.</summary>
    public (long Price, long SignedQuantity) NextTrade(SimStock stock)
    {
        var drift = stock.Price > stock.Listing.PreviousClose ? -0.05 : stock.Price < stock.Listing.PreviousClose ? 0.05 : 0;
        var u = random.NextDouble() + drift;
        var steps = u < 0.2 ? -1 : u > 0.8 ? 1 : 0;
        var price = stock.Limits.Clamp(TickSize.Step(stock.Price, steps));
        var buyer = steps > 0 || (steps == 0 && random.NextDouble() < 0.5);
        // Heavy tail: most prints are a few shares, a few are thousands.
        var quantity = (long)Math.Ceiling(Math.Exp(random.NextDouble() * random.NextDouble() * 9));
        return (price, buyer ? quantity : -quantity);
    }
}
