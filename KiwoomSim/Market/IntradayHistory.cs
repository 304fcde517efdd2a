
namespace Gslts.KiwoomSim.Market;

/// <summary>
/// One-minute bars of a past day, drawn inside its daily bar: a random path from the open to the close that touches
/// the day's high and low, with the U-shaped volume of a KRX day. Deterministic from the seed, the code and the date.
/// </summary>
public static class IntradayHistory
{
    private static readonly TimeOnly Open = new(9, 0);
    private const int Minutes = 380;

    public static List<MinuteBar> For(DailyBar day, string code, int seed)
    {
        var random = new Random(Seeds.Mix(seed, Seeds.Of(code), day.Date.DayNumber));
        var path = new double[Minutes + 1];
        for (var i = 1; i <= Minutes; i++) path[i] = path[i - 1] + (random.NextDouble() - 0.5);
        // A bridge from open to close, scaled into the day's range; the extremes become the day's high and low.
        for (var i = 0; i <= Minutes; i++) path[i] -= path[Minutes] * i / Minutes;
        var (min, max) = (path.Min(), path.Max());
        var span = Math.Max(max - min, 1e-9);
        long PriceAt(int i)
        {
            var line = day.Open + (day.Close - day.Open) * (double)i / Minutes;
            var wiggle = path[i] >= 0 ? path[i] / span * (day.High - Math.Max(day.Open, day.Close)) * 2
                : path[i] / span * (Math.Min(day.Open, day.Close) - day.Low) * 2;
            return Math.Clamp(TickSize.RoundDown((long)(line + wiggle)), day.Low, day.High);
        }

        var weights = Enumerable.Range(0, Minutes).Select(m => IntradayVolume.Weight(Open.AddMinutes(m))).ToArray();
        var total = weights.Sum();
        var bars = new List<MinuteBar>(Minutes);
        for (var m = 0; m < Minutes; m++)
        {
            var (open, close) = (m == 0 ? day.Open : PriceAt(m), m == Minutes - 1 ? day.Close : PriceAt(m + 1));
            var volume = (long)(day.Volume * weights[m] / total);
            bars.Add(new MinuteBar(Open.AddMinutes(m), open, Math.Max(open, close), Math.Min(open, close), close, volume));
        }

        bars.Reverse();
        return bars;
    }
}
