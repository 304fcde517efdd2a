using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.KiwoomBridge.Feeding;

/// <summary>A trade in a lane, with the feeder clock's timestamp (<see cref="TimeProvider.GetTimestamp"/>) at which its frame began to arrive.</summary>
public readonly record struct LaneTick(Tick Tick, long ArrivedAt)
{
    public long Start => Tick.CumulativeVolume - Math.Abs(Tick.Quantity);
}

/// <summary>
/// One stock's trades between the socket and its grain, keyed by the exchange's cumulative day volume: trades waiting
/// to go, the journal (applied by the grain, not yet stored by it), and the gap when the volumes do not join up.
/// Given a folder, the oldest trades that need no more sorting (applied, or joining on to what the grain applied) can be
/// spilled to disk and are read back from there only for a grain that needs them again. Changed only by the feeder's loop.
/// </summary>
public sealed class StockLane(string code, string? spillFolder = null)
{
    // Sorted by cumulative volume, all above what is spilled; trades nearly always arrive in order, so adding is an append.
    private readonly List<LaneTick> ticks = [];
    // Below the trades in memory: (Persisted, SpilledThrough], in order, with no hole above Applied.
    private JournalSpill? spill;
    // The batch in flight when it came from disk, for the receipt to report.
    private LaneTick[] sentFromDisk = [];

    public string Code => code;

    public DateOnly Date { get; private set; }

    /// <summary>The grain's watermark for <see cref="Date"/>; -1 until the grain has answered.</summary>
    public long Applied { get; private set; } = -1;

    /// <summary>What the grain has stored; the lane keeps every trade above it.</summary>
    public long Persisted { get; private set; }

    /// <summary>When the grain's last applied trade printed (from its receipt).</summary>
    public DateTimeOffset? AppliedTime { get; private set; }

    /// <summary>The highest cumulative volume known to have traded: from a trade, or the exchange's day volume.</summary>
    public long KnownEnd { get; private set; }

    /// <summary>Trades held: waiting ones and the journal, in memory and on disk.</summary>
    public int Count => ticks.Count + OnDisk;

    /// <summary>Trades held in memory.</summary>
    public int InMemory => ticks.Count;

    /// <summary>Trades held on disk.</summary>
    public int OnDisk => spill?.Count ?? 0;

    /// <summary>Disk the lane's spilled trades take.</summary>
    public long DiskBytes => spill?.Bytes ?? 0;

    /// <summary>The cumulative volume of the last trade on disk (0 when none): every trade at or below it is held there or stored.</summary>
    public long SpilledThrough => spill?.Last ?? 0;

    /// <summary>The arrival timestamp of the first trade held (the lowest volume not yet stored), or null when none is held.</summary>
    public long? OldestArrivedAt => spill is { Count: > 0 } ? spill.OldestArrivedAt : ticks.Count > 0 ? ticks[0].ArrivedAt : null;

    /// <summary>Trades the grain applied but has not stored yet.</summary>
    public int Journaled => FirstAbove(Applied) + (spill is null ? 0 : Applied >= SpilledThrough ? spill.Count : spill.CountThrough(Applied));

    /// <summary>Adds a trade; false when it is a duplicate or of an earlier day.</summary>
    public bool Add(Tick tick, long arrivedAt)
    {
        var date = DateOf(tick);
        if (date < Date) return false;
        if (date > Date) StartDay(date);
        // Stored, or inside the spilled run (which has no hole the grain has not passed): held already.
        if (tick.CumulativeVolume <= Math.Max(Persisted, SpilledThrough)) return false;
        var at = FirstAbove(tick.CumulativeVolume - 1);
        if (at < ticks.Count && ticks[at].Tick.CumulativeVolume == tick.CumulativeVolume) return false;
        ticks.Insert(at, new LaneTick(tick, arrivedAt));
        KnownEnd = Math.Max(KnownEnd, tick.CumulativeVolume);
        return true;
    }

    /// <summary>The exchange says <paramref name="volume"/> had traded by now (ka10001), so anything short of it is a gap.</summary>
    public void Expect(DateOnly date, long volume)
    {
        if (date < Date) return;
        if (date > Date) StartDay(date);
        KnownEnd = Math.Max(KnownEnd, volume);
    }

    /// <summary>The trades to send next: those above the grain's watermark that join on to it (all while it is unknown).</summary>
    public Tick[] NextBatch(int max)
    {
        if (Applied >= 0 && Applied < SpilledThrough) return FromDisk(max);
        var first = FirstAbove(Applied);
        var end = first;
        for (var expected = Applied; end < ticks.Count && end - first < max; end++)
        {
            if (expected >= 0 && ticks[end].Start != expected) break;
            expected = ticks[end].Tick.CumulativeVolume;
        }

        if (end == first) return [];
        var batch = new Tick[end - first];
        for (var i = 0; i < batch.Length; i++) batch[i] = ticks[first + i].Tick;
        return batch;
    }

    /// <summary>The trades held above the grain's watermark that join each other, whether or not they join it.</summary>
    public Tick[] Run(int max)
    {
        var run = new List<Tick>();
        for (var i = FirstAbove(Applied); i < ticks.Count && run.Count < max; i++)
        {
            if (run.Count > 0 && ticks[i].Start != run[^1].CumulativeVolume) break;
            run.Add(ticks[i].Tick);
        }

        return [.. run];
    }

    /// <summary>The volumes missing between the grain's watermark and the next trade held (or the known end).</summary>
    public (long From, long To)? Gap
    {
        get
        {
            // Below the spilled end the next trade on disk joins on (checked as each receipt comes in).
            if (Applied < 0 || Applied < SpilledThrough) return null;
            var i = FirstAbove(Applied);
            var to = i < ticks.Count ? ticks[i].Start : KnownEnd;
            return to > Applied ? (Applied, to) : null;
        }
    }

    /// <summary>Takes the grain's answer: reports each trade it newly applied, and drops the trades it has stored.</summary>
    public void Receive(FeedReceipt receipt, Action<LaneTick> applied)
    {
        if (receipt.Date > Date) StartDay(receipt.Date);
        var (nowApplied, nowPersisted) = receipt.Date < Date ? (0L, 0L) : (receipt.Applied, receipt.Persisted);
        foreach (var sent in sentFromDisk)
        {
            if (sent.Tick.CumulativeVolume > Applied && sent.Tick.CumulativeVolume <= nowApplied) applied(sent);
        }

        sentFromDisk = [];
        for (var i = FirstAbove(Applied); i < ticks.Count && ticks[i].Tick.CumulativeVolume <= nowApplied; i++) applied(ticks[i]);
        Applied = nowApplied;
        Persisted = nowPersisted;
        AppliedTime = receipt.Date < Date ? null : receipt.LastTradeTime;
        KnownEnd = Math.Max(KnownEnd, Applied);
        ticks.RemoveRange(0, FirstAbove(Persisted));
        if (ticks.Capacity > 4_096 && ticks.Count < ticks.Capacity / 4) ticks.Capacity = Math.Max(4_096, ticks.Count * 2);
        if (spill is null) return;
        spill.DropThrough(Persisted);
        if (spill.Count == 0) DropSpill();
        // A grain behind the spilled run with a hole before the next trade there (it came back short of the disk, or
        // reached a gap given up on before): the run comes back to memory, where gaps are filled.
        else if (Applied < SpilledThrough && spill.Read(Applied, 1) is [var next] && next.Start != Applied) Restore();
    }

    /// <summary>
    /// Moves the oldest trades in memory that need no more sorting to disk: those the grain applied, and (unless
    /// <paramref name="appliedOnly"/>) the run that joins on to what it applied. Returns how many moved; an I/O error
    /// keeps the rest in memory (and is thrown).
    /// </summary>
    public int Spill(bool appliedOnly = false)
    {
        if (spillFolder is null || Applied < 0) return 0;
        var end = Math.Max(Applied, SpilledThrough);
        var movable = 0;
        for (; movable < ticks.Count; movable++)
        {
            var t = ticks[movable];
            if (t.Tick.CumulativeVolume <= Applied) continue;
            if (appliedOnly || t.Start != end) break;
            end = t.Tick.CumulativeVolume;
        }

        if (movable == 0) return 0;
        spill ??= new JournalSpill(Path.Combine(spillFolder, $"{code}-{Date:yyyyMMdd}"), code);
        var moved = 0;
        try
        {
            while (moved < movable)
            {
                var chunk = Math.Min(movable - moved, spill.Room);
                spill.Append(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ticks).Slice(moved, chunk));
                moved += chunk;
            }
        }
        finally
        {
            // What reached the disk leaves memory even when a later write failed.
            ticks.RemoveRange(0, moved);
            if (spill.Count == 0) DropSpill();
        }

        return moved;
    }

    /// <summary>Deletes what the lane has on disk (the bridge stopping).</summary>
    public void DropSpill()
    {
        spill?.Clear();
        spill = null;
    }

    /// <summary>Trades read back from disk that join on to the grain's watermark.</summary>
    private Tick[] FromDisk(int max)
    {
        var read = spill!.Read(Applied, max);
        var joined = 0;
        for (var expected = Applied; joined < read.Length && read[joined].Start == expected; joined++) expected = read[joined].Tick.CumulativeVolume;
        sentFromDisk = read[..joined];
        var batch = new Tick[joined];
        for (var i = 0; i < joined; i++) batch[i] = read[i].Tick;
        return batch;
    }

    private void Restore()
    {
        ticks.InsertRange(0, spill!.Read(Persisted, int.MaxValue));
        DropSpill();
    }

    public static DateOnly DateOf(Tick tick) => DateOnly.FromDateTime(tick.Time.ToOffset(TimeSpan.FromHours(9)).DateTime);

    private void StartDay(DateOnly date)
    {
        Date = date;
        ticks.Clear();
        DropSpill();
        sentFromDisk = [];
        Applied = -1;
        Persisted = 0;
        KnownEnd = 0;
        AppliedTime = null;
    }

    /// <summary>Index of the first trade whose cumulative volume is above <paramref name="volume"/>.</summary>
    private int FirstAbove(long volume)
    {
        int low = 0, high = ticks.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (ticks[mid].Tick.CumulativeVolume <= volume) low = mid + 1;
            else high = mid;
        }

        return low;
    }
}
