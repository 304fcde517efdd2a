using Gslts.Grains.Interfaces.Stocks;
using Gslts.KiwoomBridge.Feeding;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomBridge.Tests.Feeding;

public sealed class TickFeederTests : IAsyncLifetime
{
    private readonly (IGrainFactory Factory, RecordingGrains Recorder) grains = RecordingGrains.Create();
    private readonly Prints samsung = new("005930", Prints.Monday);
    private readonly Prints hynix = new("000660", Prints.Monday);
    private readonly FakeExchange history = new();
    private readonly TickFeeder feeder;

    public TickFeederTests()
    {
        history.Days["005930"] = samsung;
        history.Days["000660"] = hynix;
        var options = Options.Create(new KiwoomOptions
        {
            BatchWindow = TimeSpan.FromMilliseconds(2), GapGrace = TimeSpan.FromMilliseconds(50), BackfillAttempts = 2,
        });
        feeder = new TickFeeder(grains.Factory, history, options, TimeProvider.System, NullLogger<TickFeeder>.Instance);
    }

    private RecordingStockGrain Samsung => grains.Recorder.Stocks.GetOrAdd("005930", c => new RecordingStockGrain(c));

    public Task InitializeAsync() => feeder.StartAsync(CancellationToken.None);

    public async Task DisposeAsync() => await feeder.StopAsync(CancellationToken.None);

    [Fact]
    public async Task Every_trade_reaches_its_grain_once_in_volume_order_in_batches()
    {
        var printed = samsung.PrintMany(500);
        foreach (var t in printed) feeder.Post(t);
        foreach (var t in printed[100..200]) feeder.Post(t);

        await Until(() => Samsung.Ticks.Count == 500);

        Assert.Equal(printed.Select(t => t.CumulativeVolume), Samsung.Ticks.Select(t => t.CumulativeVolume));
        Assert.True(Samsung.Batches < 500, $"{Samsung.Batches} calls for 500 trades");
    }

    [Fact]
    public async Task Trades_lost_on_the_way_are_backfilled_from_the_tape()
    {
        var printed = samsung.PrintMany(300);
        foreach (var t in printed.Where((_, i) => i is < 50 or >= 120)) feeder.Post(t);

        await Until(() => Samsung.Ticks.Count == 300);

        Assert.Equal(printed.Select(t => t.CumulativeVolume), Samsung.Ticks.Select(t => t.CumulativeVolume));
        Assert.Equal(70, feeder.Backfilled);
        Assert.Equal(1, history.TapeReads);
    }

    [Fact]
    public async Task A_grain_that_lost_its_unstored_trades_gets_them_again_from_the_journal()
    {
        Samsung.HoldWrites = true;
        var printed = samsung.PrintMany(100);
        foreach (var t in printed) feeder.Post(t);
        await Until(() => Samsung.Ticks.Count == 100);

        Samsung.LoseUnstored();
        Assert.Empty(Samsung.Ticks);
        Samsung.HoldWrites = false;

        await Until(() => Samsung.Ticks.Count == 100);
        Assert.Equal(printed.Select(t => t.CumulativeVolume), Samsung.Ticks.Select(t => t.CumulativeVolume));
        Assert.Equal(0, history.TapeReads);
        await Until(() => feeder.Held == 0);
    }

    [Fact]
    public async Task A_failing_grain_keeps_its_trades_while_other_stocks_go_on()
    {
        Samsung.Fail = true;
        foreach (var t in samsung.PrintMany(50)) feeder.Post(t);
        foreach (var t in hynix.PrintMany(50)) feeder.Post(t);

        await Until(() => grains.Recorder.Stocks.TryGetValue("000660", out var h) && h.Ticks.Count == 50);
        Assert.Empty(Samsung.Ticks);

        Samsung.Fail = false;
        await Until(() => Samsung.Ticks.Count == 50);
    }

    [Fact]
    public async Task A_gap_the_tape_cannot_fill_is_given_up_after_the_attempts_and_counted_as_missed()
    {
        history.Broken = true;
        var printed = samsung.PrintMany(30);
        foreach (var t in printed.Where((_, i) => i is < 10 or >= 20)) feeder.Post(t);

        await Until(() => Samsung.Ticks.Count == 20);

        var missed = printed[19].CumulativeVolume - printed[9].CumulativeVolume;
        Assert.Equal((missed, missed), (Samsung.Skipped, feeder.SkippedVolume));
        Assert.Equal(2, history.TapeReads);
    }

    [Fact]
    public async Task After_a_login_a_quiet_stock_gets_the_trades_it_missed_while_away()
    {
        // The day volume is today's, by the bridge's clock.
        var today = new Prints("005930", DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)));
        history.Days["005930"] = today;
        var printed = today.PrintMany(40);
        foreach (var t in printed[..10]) feeder.Post(t);
        await Until(() => Samsung.Ticks.Count == 10);

        feeder.Resync(0, ["005930"]);

        await Until(() => Samsung.Ticks.Count == 40);
        Assert.Equal(printed.Select(t => t.CumulativeVolume), Samsung.Ticks.Select(t => t.CumulativeVolume));
    }

    [Fact]
    public async Task Latency_from_arrival_to_the_grain_is_recorded_for_every_trade()
    {
        foreach (var t in samsung.PrintMany(200)) feeder.Post(t);

        await Until(() => feeder.Latency.Count == 200);

        Assert.InRange(feeder.Latency.Percentile(0.99), 0, 5_000);
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("the feeder did not get there in 15 s");
            await Task.Delay(10);
        }
    }
}
