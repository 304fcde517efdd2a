using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Interfaces.Streams;
using Orleans.Streams;

namespace Gslts.Grains.Tests.Stocks;

[Collection(ClusterCollection.Name)]
public sealed class StockGrainTests(ClusterFixture fixture)
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public async Task Ingested_ticks_set_price_and_day_ohlc_and_are_published_on_the_stock_stream()
    {
        const string code = "900001";
        var trades = new Trades(code, basePrice: 70_000, Monday);
        var published = new List<StockSnapshot>();
        var received = new TaskCompletionSource();
        var stream = fixture.Client.GetStreamProvider(StreamNames.Provider)
            .GetStream<StockSnapshot>(StreamNames.ForStock(code));
        var subscription = await stream.SubscribeAsync((snapshot, _) =>
        {
            lock (published)
            {
                published.Add(snapshot);
                if (snapshot.TickCount == 3) received.TrySetResult();
            }
            return Task.CompletedTask;
        });
        var grain = fixture.Grains.GetGrain<IStockGrain>(code);

        await grain.Ingest([trades.At("090000", 70_100, 10), trades.At("090001", 70_600, -5)]);
        var last = await grain.Ingest([trades.At("090002", 69_900, 20)]);

        Assert.Equal((70_100L, 70_600L, 69_900L, 69_900L), (last.Open, last.High, last.Low, last.Price));
        Assert.Equal((-100L, -0.14m, 35L), (last.Change, last.ChangeRate, last.Volume));
        Assert.Equal(last, await grain.GetSnapshot());
        await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        lock (published)
        {
            Assert.Equal([2L, 3L], published.Select(s => s.TickCount));
            Assert.Equal(last, published[^1]);
        }
        await subscription.UnsubscribeAsync();
    }

    [Fact]
    public async Task A_replayed_batch_changes_nothing_and_publishes_nothing_new()
    {
        const string code = "900002";
        var trades = new Trades(code, basePrice: 10_000, Monday);
        var batch = new[] { trades.At("090000", 10_050, 3), trades.At("090001", 10_100, 4) };
        var grain = fixture.Grains.GetGrain<IStockGrain>(code);

        var first = await grain.Ingest(batch);
        var again = await grain.Ingest(batch);

        Assert.Equal(first, again);
        Assert.Equal(7, again.Volume);
    }

    [Fact]
    public async Task The_newest_book_is_kept_and_published_and_an_older_one_is_ignored()
    {
        const string code = "900003";
        var received = new TaskCompletionSource<OrderBook>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = fixture.Client.GetStreamProvider(StreamNames.Provider).GetStream<OrderBook>(StreamNames.ForBook(code));
        var subscription = await stream.SubscribeAsync((book, _) =>
        {
            received.TrySetResult(book);
            return Task.CompletedTask;
        });
        var grain = fixture.Grains.GetGrain<IStockGrain>(code);
        var nine = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(9));
        var newer = new OrderBook(code, nine.AddSeconds(2), [new(10_050, 5)], [new(10_000, 7)], 5, 7);
        var older = newer with { Time = nine, Asks = [new(10_100, 1)] };

        await grain.UpdateBook(newer);
        await grain.UpdateBook(older);

        // Arrays compare by content here: the book crossed the serializer.
        Assert.Equivalent(newer, await grain.GetBook(), strict: true);
        Assert.Equivalent(newer, await received.Task.WaitAsync(TimeSpan.FromSeconds(10)), strict: true);
        await subscription.UnsubscribeAsync();
    }
}
