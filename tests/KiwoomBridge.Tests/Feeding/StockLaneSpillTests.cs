using Gslts.Grains.Interfaces.Stocks;
using Gslts.KiwoomBridge.Feeding;

namespace Gslts.KiwoomBridge.Tests.Feeding;

/// <summary>A lane spilling its oldest trades to a folder of its own, and reading them back for a grain that needs them.</summary>
public sealed class StockLaneSpillTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("gslts-spill-").FullName;
    private readonly Prints samsung = new("005930", Prints.Monday);
    private readonly StockLane lane;

    public StockLaneSpillTests() => lane = new StockLane("005930", folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Applied_trades_leave_memory_for_disk_and_a_grain_that_lost_them_gets_them_again_exactly_from_there()
    {
        var ticks = AddAll(samsung.PrintMany(100));
        lane.Receive(Receipt(ticks[^1], stored: 0), _ => { });

        Assert.Equal(100, lane.Spill());
        Assert.Equal((0, 100, 100, 100), (lane.InMemory, lane.OnDisk, lane.Count, lane.Journaled));
        Assert.Equal(100L * JournalSpill.RecordSize, lane.DiskBytes);

        // The grain came back with nothing stored.
        lane.Receive(new FeedReceipt(Prints.Monday, 0, 0), _ => { });
        var batch = lane.NextBatch(30);
        var reported = new List<LaneTick>();
        lane.Receive(Receipt(ticks[29], stored: 0), reported.Add);

        Assert.Equal(ticks[..30], batch);
        Assert.Equal(ticks[..30], reported.Select(t => t.Tick));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), reported.Select(t => t.ArrivedAt));
        Assert.All(batch, t => Assert.Equal(TimeSpan.FromHours(9), t.Time.Offset));
        Assert.Equal(ticks[30..60], lane.NextBatch(30));
    }

    [Fact]
    public void A_trade_seen_again_after_it_was_spilled_is_not_held_twice()
    {
        var ticks = AddAll(samsung.PrintMany(10));
        lane.Receive(Receipt(ticks[^1], stored: 0), _ => { });
        lane.Spill();

        Assert.False(lane.Add(ticks[5] with { Sequence = 99 }, 0));
        Assert.Equal(10, lane.Count);
    }

    [Fact]
    public void Stored_trades_leave_the_disk_a_segment_at_a_time_and_the_last_takes_the_files_with_it()
    {
        var ticks = AddAll(samsung.PrintMany(JournalSpill.SegmentRecords + 1_000));
        lane.Receive(Receipt(ticks[^1], stored: 0), _ => { });
        lane.Spill();
        Assert.Equal(2, Files().Length);

        lane.Receive(Receipt(ticks[^1], stored: ticks[JournalSpill.SegmentRecords - 1].CumulativeVolume), _ => { });
        Assert.Equal((1_000, 1), (lane.OnDisk, Files().Length));
        Assert.Equal(1_000L * JournalSpill.RecordSize, lane.DiskBytes);

        lane.Receive(Receipt(ticks[^1], stored: ticks[^1].CumulativeVolume), _ => { });
        Assert.Equal((0, 0L), (lane.Count, lane.DiskBytes));
        Assert.Empty(Files());
    }

    [Fact]
    public void Waiting_trades_that_join_on_to_the_grain_spill_too_and_go_from_disk_in_order()
    {
        lane.Receive(new FeedReceipt(Prints.Monday, 0, 0), _ => { });
        var ticks = AddAll(samsung.PrintMany(50));

        Assert.Equal(50, lane.Spill());
        Assert.Null(lane.Gap);
        Assert.Equal(ticks[..20], lane.NextBatch(20));
    }

    [Fact]
    public void Trades_after_a_gap_stay_in_memory_where_the_backfill_joins_them()
    {
        lane.Receive(new FeedReceipt(Prints.Monday, 0, 0), _ => { });
        var ticks = samsung.PrintMany(30);
        foreach (var t in ticks.Where((_, i) => i is < 10 or >= 20)) lane.Add(t, 0);

        Assert.Equal(10, lane.Spill());
        Assert.Equal((10, 10), (lane.InMemory, lane.OnDisk));
        Assert.Equal(ticks[..10], lane.NextBatch(50));
        lane.Receive(Receipt(ticks[9], stored: 0), _ => { });

        Assert.Equal((ticks[9].CumulativeVolume, ticks[19].CumulativeVolume), lane.Gap);
        Assert.All(ticks[10..20], t => Assert.True(lane.Add(t, 0)));
        Assert.Equal(ticks[10..30], lane.NextBatch(50));
    }

    [Fact]
    public void A_grain_that_comes_back_short_of_the_disk_gets_the_run_back_in_memory_and_the_gap_shows()
    {
        var ticks = AddAll(samsung.PrintMany(20));
        lane.Receive(Receipt(ticks[^1], stored: ticks[4].CumulativeVolume), _ => { });
        Assert.Equal(15, lane.Spill());

        // Its storage lost some of what it had stored: the disk starts above where the grain stands.
        lane.Receive(Receipt(ticks[2], stored: ticks[2].CumulativeVolume), _ => { });

        Assert.Equal((15, 0), (lane.InMemory, lane.OnDisk));
        Assert.Equal((ticks[2].CumulativeVolume, ticks[4].CumulativeVolume), lane.Gap);
        Assert.True(lane.Add(ticks[3], 0) && lane.Add(ticks[4], 0));
        Assert.Equal(ticks[3..], lane.NextBatch(50));
    }

    [Fact]
    public void A_new_day_deletes_what_the_last_one_spilled()
    {
        var ticks = AddAll(samsung.PrintMany(10));
        lane.Receive(Receipt(ticks[^1], stored: 0), _ => { });
        lane.Spill();
        Assert.NotEmpty(Files());

        lane.Add(new Prints("005930", Prints.Monday.AddDays(1)).Print(71_000, 3), 0);

        Assert.Empty(Files());
        Assert.Equal((1, 0), (lane.Count, lane.OnDisk));
    }

    private List<Tick> AddAll(List<Tick> ticks)
    {
        for (var i = 0; i < ticks.Count; i++) Assert.True(lane.Add(ticks[i], i));
        return ticks;
    }

    private static FeedReceipt Receipt(Tick applied, long stored) => new(Prints.Monday, applied.CumulativeVolume, stored);

    private string[] Files() => Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
}
