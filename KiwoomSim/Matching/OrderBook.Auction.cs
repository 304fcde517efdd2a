namespace Gslts.KiwoomSim.Matching;

public sealed partial class OrderBook
{
    /// <summary>장전/장마감 동시호가: from now on orders rest without matching until <see cref="EndAuction"/>.</summary>
    public void BeginAuction() => InAuction = true;

    /// <summary>
    /// The single price that executes the most volume; ties go to the smallest imbalance, then to the price closest to
    /// <paramref name="reference"/> (the base or last price). Volume 0 means the book does not cross.
    /// </summary>
    public AuctionPrice Indicative(long reference)
    {
        // supply[i] = asks at or below price i; demand is accumulated from the top while scanning down.
        var supply = new long[prices.Length];
        var running = 0L;
        for (var i = 0; i < prices.Length; i++) supply[i] = running += asks[i]?.Quantity ?? 0;

        var best = new AuctionPrice(0, 0);
        var bestImbalance = long.MaxValue;
        var demand = 0L;
        for (var i = prices.Length - 1; i >= 0; i--)
        {
            demand += bids[i]?.Quantity ?? 0;
            var volume = Math.Min(demand, supply[i]);
            if (volume == 0) continue;
            var imbalance = Math.Abs(demand - supply[i]);
            var better = volume > best.Volume
                || (volume == best.Volume && imbalance < bestImbalance)
                || (volume == best.Volume && imbalance == bestImbalance && Math.Abs(prices[i] - reference) < Math.Abs(best.Price - reference));
            if (better) (best, bestImbalance) = (new AuctionPrice(prices[i], volume), imbalance);
        }

        return best;
    }

    /// <summary>
    /// Executes the auction at its single price, in price-time priority, then returns to continuous trading; the single
    /// price becomes the static VI reference.
    /// </summary>
    public AuctionPrice EndAuction(long reference, List<Fill> fills)
    {
        var auction = Indicative(reference);
        InAuction = false;
        Interruption = null;
        if (auction.Volume == 0) return auction;
        StaticReference = auction.Price;

        var left = auction.Volume;
        var aggressor = TotalBid >= TotalAsk ? OrderSide.Buy : OrderSide.Sell;
        while (left > 0)
        {
            var buyer = bids[bestBid]!.Head()!;
            var seller = asks[bestAsk]!.Head()!;
            var quantity = Math.Min(left, Math.Min(buyer.Remaining, seller.Remaining));
            fills.Add(new Fill(buyer.Id, seller.Id, buyer.Account, seller.Account, auction.Price, quantity, aggressor));
            Remove(buyer, quantity);
            Remove(seller, quantity);
            left -= quantity;
        }

        LastPrice = auction.Price;
        return auction;
    }
}
