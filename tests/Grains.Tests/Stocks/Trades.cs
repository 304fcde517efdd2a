using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.Grains.Tests.Stocks;

/// <summary>Builds trades for tests: a stock whose base price (previous close) is fixed.</summary>
internal sealed class Trades(string code, long basePrice, DateOnly date)
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private long sequence;

    public Tick At(string hhmmss, long price, long quantity) => At(hhmmss, price, quantity, ++sequence);

    public Tick At(string hhmmss, long price, long quantity, long seq)
    {
        sequence = Math.Max(sequence, seq);
        var time = TimeOnly.ParseExact(hhmmss, "HHmmss");
        return new Tick(code, seq, new DateTimeOffset(date.ToDateTime(time), Kst), price, quantity,
            price - basePrice, DayOpen: 0, DayHigh: 0, DayLow: 0, CumulativeVolume: 0);
    }
}
