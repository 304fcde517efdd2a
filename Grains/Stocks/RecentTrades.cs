using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.Grains.Stocks;

/// <summary>The last <see cref="Capacity"/> trades of a stock, newest last: a fixed ring, so a busy stock costs no more memory.</summary>
public sealed class RecentTrades(int capacity = RecentTrades.DefaultCapacity)
{
    public const int DefaultCapacity = 100;
    private readonly TradePrint[] ring = new TradePrint[capacity];
    private int next;
    private long added;

    public int Capacity => ring.Length;

    /// <summary>How many trades were ever added (a reader's cursor for "what is new since").</summary>
    public long Added => added;

    public void Add(Tick tick)
    {
        ring[next] = new TradePrint(tick.Time, tick.Price, tick.Quantity);
        next = (next + 1) % ring.Length;
        added++;
    }

    public void Clear() => (next, added) = (0, 0);

    /// <summary>The newest trades, at most <paramref name="max"/> and only those added after <paramref name="since"/>, oldest first.</summary>
    public TradePrint[] Latest(int max, long since = 0)
    {
        var count = (int)Math.Min(Math.Min(max, ring.Length), Math.Max(0, added - since));
        var result = new TradePrint[count];
        for (var i = 0; i < count; i++) result[i] = ring[((next - count + i) % ring.Length + ring.Length) % ring.Length];
        return result;
    }
}
