using Gslts.Grains.Interfaces.Stocks;
using Gslts.KiwoomBridge.Rest;

namespace Gslts.KiwoomBridge.Feeding;

/// <summary>
/// Cuts the trades of a gap out of the tape (ka10079, tic_scope 1), which carries no cumulative volume. Either the trades
/// held after the gap are found on the tape and the gap is the run just before them whose volume is exactly the gap's,
/// or, without a unique anchor, the whole day is summed from its first trade. Edges that do not fall exactly on trades
/// mean the tape is not the day the feed saw, and nothing is taken. The side follows the tick rule: the tape has none.
/// </summary>
public static class TapeGap
{
    private const int AnchorLength = 20;
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    /// <summary>The gap (<paramref name="from"/>, <paramref name="to"/>], from the whole day's tape, newest first.</summary>
    public static Tick[] FromDay(string code, DateOnly date, IReadOnlyList<ChartTick> newestFirst, long from, long to)
    {
        long volume = 0, open = 0, high = 0, low = long.MaxValue;
        int first = -1, last = -1;
        for (var i = newestFirst.Count - 1; i >= 0 && volume < to; i--)
        {
            var row = newestFirst[i];
            if (open == 0) open = row.Price;
            (high, low) = (Math.Max(high, row.Price), Math.Min(low, row.Price));
            volume += Math.Abs(row.Quantity);
            if (volume == from) first = i - 1;
            if (volume == to) last = i;
        }

        if (from == 0) first = newestFirst.Count - 1;
        if (first < 0 || last < 0 || first < last) throw Mismatch(code, from, to, $"the tape sums to {volume} there");
        return Cut(code, date, newestFirst, first, last, from, (open, high, low));
    }

    /// <summary>
    /// The gap from part of the tape (newest first, reaching back past the gap), anchored on <paramref name="after"/>: the
    /// trades held right after the gap, oldest first. Null when the anchor is not found exactly once.
    /// </summary>
    public static Tick[]? FromAnchor(string code, DateOnly date, IReadOnlyList<ChartTick> newestFirst, IReadOnlyList<Tick> after, long from, long to)
    {
        var length = Math.Min(after.Count, AnchorLength);
        if (length == 0) return null;
        (int First, int Last)? found = null;
        // Oldest-first index k is newest-first index Count - 1 - k; the anchor's first trade sits at newest-first index a.
        for (var a = newestFirst.Count - 1; a - length + 1 >= 0; a--)
        {
            if (!Matches(newestFirst, a, after, length)) continue;
            long volume = 0;
            var i = a + 1;
            while (i < newestFirst.Count && volume < to - from) volume += Math.Abs(newestFirst[i++].Quantity);
            if (volume != to - from) continue;
            if (found is not null) return null;
            found = (i - 1, a + 1);
        }

        return found is { } gap ? Cut(code, date, newestFirst, gap.First, gap.Last, from, null) : null;
    }

    private static bool Matches(IReadOnlyList<ChartTick> newestFirst, int at, IReadOnlyList<Tick> after, int length)
    {
        for (var k = 0; k < length; k++)
        {
            var row = newestFirst[at - k];
            var tick = after[k];
            if (row.Price != tick.Price || Math.Abs(row.Quantity) != Math.Abs(tick.Quantity) || TimeOnly.FromDateTime(row.Time.DateTime) != TimeOnly.FromDateTime(tick.Time.ToOffset(Kst).DateTime))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Rows first..last (newest-first indexes, first the oldest) as trades; day range only when read from the open.</summary>
    private static Tick[] Cut(string code, DateOnly date, IReadOnlyList<ChartTick> newestFirst, int first, int last, long from,
        (long Open, long High, long Low)? day)
    {
        var gap = new Tick[first - last + 1];
        var volume = from;
        var previous = first + 1 < newestFirst.Count ? newestFirst[first + 1].Price : 0;
        var side = 1;
        for (var i = first; i >= last; i--)
        {
            var row = newestFirst[i];
            var quantity = Math.Abs(row.Quantity);
            side = row.Price > previous ? 1 : row.Price < previous ? -1 : side;
            previous = row.Price;
            volume += quantity;
            var time = new DateTimeOffset(date.ToDateTime(TimeOnly.FromDateTime(row.Time.DateTime)), Kst);
            gap[first - i] = new Tick(code, 0, time, row.Price, side * quantity, row.Change, day?.Open ?? 0, day?.High ?? 0, day?.Low ?? 0, volume);
        }

        return gap;
    }

    private static TapeMismatchException Mismatch(string code, long from, long to, string detail) =>
        new($"{code}: the tape's volumes do not meet the gap ({from}, {to}]; {detail}");
}

/// <summary>The tape does not line up with the feed's cumulative volumes: taking it would count trades twice or miss some.</summary>
public sealed class TapeMismatchException(string message) : Exception(message);
