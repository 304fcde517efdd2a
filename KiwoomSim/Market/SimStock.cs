using Gslts.Grains.Krx;

namespace Gslts.KiwoomSim.Market;

/// <summary>One stock's day at the sim: last price and running totals. Not thread-safe: <see cref="SimMarket"/> guards it.</summary>
public sealed class SimStock(Listing listing)
{
    public Listing Listing { get; } = listing;
    public PriceLimits Limits { get; } = PriceLimits.From(listing.PreviousClose);
    public long Price { get; private set; } = listing.PreviousClose;
    public long Open { get; private set; }
    public long High { get; private set; }
    public long Low { get; private set; }
    public long Volume { get; private set; }
    public long TradingValue { get; private set; }
    public long BuyVolume { get; private set; }
    public long SellVolume { get; private set; }
    public long Trades { get; private set; }
    public long BestAsk { get; private set; }
    public long BestBid { get; private set; }

    public SimTrade Print(TimeOnly time, long price, long signedQuantity)
    {
        if (!TickSize.IsValid(price) || !Limits.Contains(price))
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, $"{Listing.Code}: not a valid price inside {Limits.Lower}-{Limits.Upper}.");
        }

        var quantity = Math.Abs(signedQuantity);
        ArgumentOutOfRangeException.ThrowIfZero(quantity, nameof(signedQuantity));
        Price = price;
        Open = Trades == 0 ? price : Open;
        High = Trades == 0 ? price : Math.Max(High, price);
        Low = Trades == 0 ? price : Math.Min(Low, price);
        Volume += quantity;
        TradingValue += price * quantity;
        if (signedQuantity > 0) BuyVolume += quantity;
        else SellVolume += quantity;
        Trades++;
        var bestAsk = signedQuantity > 0 ? price : Math.Min(Limits.Upper, TickSize.Step(price, 1));
        var bestBid = signedQuantity > 0 ? Math.Max(Limits.Lower, TickSize.Step(price, -1)) : price;
        (BestAsk, BestBid) = (bestAsk, bestBid);
        return new SimTrade(Listing.Code, time, price, signedQuantity, Listing.PreviousClose, Open, High, Low,
            Volume, TradingValue, BuyVolume, SellVolume, bestAsk, bestBid);
    }
}
