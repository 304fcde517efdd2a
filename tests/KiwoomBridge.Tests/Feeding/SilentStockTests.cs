using Gslts.KiwoomBridge.Feeding;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gslts.KiwoomBridge.Tests.Feeding;

/// <summary>One stock's stream stops while the exchange keeps trading it; another stock is simply quiet.</summary>
public sealed class SilentStockTests : IAsyncLifetime
{
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(20);
    private readonly (IGrainFactory Factory, RecordingGrains Recorder) grains = RecordingGrains.Create();
    private readonly Prints samsung = new("005930", Prints.Monday);
    private readonly Prints hynix = new("000660", Prints.Monday);
    private readonly FakeExchange exchange = new();
    // Monday 09:05 KST: the continuous session.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 0, 5, 0, TimeSpan.Zero));
    private readonly TickFeeder feeder;

    public SilentStockTests()
    {
        exchange.Days["005930"] = samsung;
        exchange.Days["000660"] = hynix;
        var options = Options.Create(new KiwoomOptions { BatchWindow = TimeSpan.Zero, GapGrace = TimeSpan.FromSeconds(1), StockSilence = Silence });
        feeder = new TickFeeder(grains.Factory, exchange, options, clock, NullLogger<TickFeeder>.Instance);
    }

    public Task InitializeAsync() => feeder.StartAsync(CancellationToken.None);

    public async Task DisposeAsync() => await feeder.StopAsync(CancellationToken.None);

    [Fact]
    public async Task A_stock_silent_while_the_exchange_trades_it_is_backfilled_and_registered_again_and_a_quiet_one_is_left_alone()
    {
        foreach (var t in samsung.PrintMany(30)) feeder.Post(t);
        foreach (var t in hynix.PrintMany(10)) feeder.Post(t);
        await Until(() => Ticks("005930") == 30 && Ticks("000660") == 10);

        // The exchange goes on printing Samsung; its stream brings nothing more. Hynix simply does not trade.
        samsung.PrintMany(15);
        for (var i = 0; i < 40 && Ticks("005930") < 45; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        Assert.Equal(45, Ticks("005930"));
        Assert.Equal(samsung.Volume, grains.Recorder.Stocks["005930"].Ticks[^1].CumulativeVolume);
        Assert.True(feeder.SilentStocks.TryRead(out var silent));
        Assert.Equal("005930", silent);
        Assert.False(feeder.SilentStocks.TryRead(out _), "the quiet stock is not registered again");
        Assert.Equal(10, Ticks("000660"));
    }

    [Fact]
    public async Task Outside_the_continuous_session_nothing_is_checked()
    {
        foreach (var t in samsung.PrintMany(5)) feeder.Post(t);
        await Until(() => Ticks("005930") == 5);
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 6, 25, 0, TimeSpan.Zero)); // 15:25 KST, the closing auction
        samsung.PrintMany(5);

        for (var i = 0; i < 40; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }

        Assert.Equal(0, exchange.VolumeQueries);
        Assert.False(feeder.SilentStocks.TryRead(out _));
    }

    private int Ticks(string code) => grains.Recorder.Stocks.TryGetValue(code, out var g) ? g.Ticks.Count : 0;

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
