namespace Gslts.KiwoomSim.Matching;

public sealed partial class OrderBook
{
    /// <summary>
    /// Takes the opposite side from its best price up to <paramref name="limit"/>, oldest order first; stops where the
    /// next fill would set off a VI, and the book goes to a call auction.
    /// </summary>
    private long Match(long orderId, string account, OrderSide side, int limit, long quantity, List<Fill> fills)
    {
        var left = quantity;
        var before = LastPrice ?? StaticReference;
        var dynamicBand = Vi is null ? default : ViRule.Band(before, Vi.DynamicPercent);
        if (side == OrderSide.Buy)
        {
            while (left > 0 && bestAsk <= limit)
            {
                if (Interrupts(prices[bestAsk], before, dynamicBand)) break;
                left -= TakeFrom(asks[bestAsk]!, prices[bestAsk], left, buy: (orderId, account), sell: null, OrderSide.Buy, fills);
                if (asks[bestAsk]!.IsEmpty) bestAsk = NextAsk(bestAsk);
            }
        }
        else
        {
            while (left > 0 && bestBid >= limit)
            {
                if (Interrupts(prices[bestBid], before, dynamicBand)) break;
                left -= TakeFrom(bids[bestBid]!, prices[bestBid], left, buy: null, sell: (orderId, account), OrderSide.Sell, fills);
                if (bids[bestBid]!.IsEmpty) bestBid = NextBid(bestBid);
            }
        }

        if (quantity > left) LastPrice = fills[^1].Price;
        return quantity - left;
    }

    /// <summary>True (and the book in a VI's call auction) when a trade at <paramref name="price"/> breaks a VI band.</summary>
    private bool Interrupts(long price, long before, (long Low, long High) dynamicBand)
    {
        if (Vi is null || (ViRule.Inside(staticBand, price) && ViRule.Inside(dynamicBand, price))) return false;
        if (ViTrigger.Check(Vi, price, StaticReference, before) is not { } trigger) return false;
        Interruption = trigger;
        InAuction = true;
        return true;
    }

    /// <summary>Fills up to <paramref name="wanted"/> from one level's queue at <paramref name="price"/>.</summary>
    private long TakeFrom(PriceLevel level, long price, long wanted, (long Id, string Account)? buy, (long Id, string Account)? sell,
        OrderSide aggressor, List<Fill> fills)
    {
        var taken = 0L;
        while (taken < wanted && level.Head() is { } resting)
        {
            var quantity = Math.Min(wanted - taken, resting.Remaining);
            var (buyId, buyAccount) = buy ?? (resting.Id, resting.Account);
            var (sellId, sellAccount) = sell ?? (resting.Id, resting.Account);
            fills.Add(new Fill(buyId, sellId, buyAccount, sellAccount, price, quantity, aggressor));
            level.Reduce(resting, quantity);
            AdjustTotal(resting.Side, -quantity);
            if (!resting.Live) orders.Remove(resting.Id);
            taken += quantity;
        }

        return taken;
    }

    private void Rest(RestingOrder order)
    {
        var side = order.Side == OrderSide.Buy ? bids : asks;
        (side[order.Level] ??= new PriceLevel()).Add(order);
        orders[order.Id] = order;
        AdjustTotal(order.Side, order.Remaining);
        if (order.Side == OrderSide.Buy) bestBid = Math.Max(bestBid, order.Level);
        else bestAsk = Math.Min(bestAsk, order.Level);
    }

    private void Remove(RestingOrder order, long quantity)
    {
        LevelOf(order).Reduce(order, quantity);
        AdjustTotal(order.Side, -quantity);
        if (order.Live) return;
        orders.Remove(order.Id);
        if (order.Side == OrderSide.Buy && order.Level == bestBid && bids[bestBid]!.IsEmpty) bestBid = NextBid(bestBid);
        if (order.Side == OrderSide.Sell && order.Level == bestAsk && asks[bestAsk]!.IsEmpty) bestAsk = NextAsk(bestAsk);
    }

    private int NextAsk(int from)
    {
        for (var i = from + 1; i < prices.Length; i++)
        {
            if (asks[i] is { IsEmpty: false }) return i;
        }

        return prices.Length;
    }

    private int NextBid(int from)
    {
        for (var i = from - 1; i >= 0; i--)
        {
            if (bids[i] is { IsEmpty: false }) return i;
        }

        return -1;
    }
}
