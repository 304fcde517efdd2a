using Gslts.Grains.Interfaces.Stocks;
using Gslts.KiwoomBridge.Rest;

namespace Gslts.KiwoomBridge.Tests.Feeding;

/// <summary>One stock's day as the exchange prints it: trades with their cumulative volume, and the tape Kiwoom serves.</summary>
internal sealed class Prints(string code, DateOnly date)
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private readonly List<Tick> printed = [];

    public static readonly DateOnly Monday = new(2026, 11, 23);

    public IReadOnlyList<Tick> All => printed;

    public long Volume => printed.Count == 0 ? 0 : printed[^1].CumulativeVolume;

    public Tick Print(long price, long quantity, int second = 0)
    {
        var tick = new Tick(code, 0, new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0, 0).Add(TimeSpan.FromSeconds(second))), Kst),
            price, quantity, price - 70_000, 0, 0, 0, Volume + Math.Abs(quantity));
        printed.Add(tick);
        return tick;
    }

    public List<Tick> PrintMany(int count)
    {
        var result = new List<Tick>();
        for (var i = 0; i < count; i++) result.Add(Print(70_000 + i % 7 * 100, i % 3 == 0 ? -(i % 5 + 1) : i % 5 + 1, second: i / 4));
        return result;
    }

    /// <summary>The day's tape as ka10079 pages it: newest first, no cumulative volume, no side.</summary>
    public List<ChartTick> Tape() =>
        [.. printed.AsEnumerable().Reverse().Select(t => new ChartTick(code, t.Time, t.Price, Math.Abs(t.Quantity), t.Change))];
}
