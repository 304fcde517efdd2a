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
        await grain.Watch(TimeSpan.FromMinutes(1));

        await grain.Ingest([trades.At("090000", 70_100, 10), trades.At("090001", 70_600, -5)]);
        var receipt = await grain.Ingest([trades.At("090002", 69_900, 20)]);
        var last = await grain.GetSnapshot();

        Assert.Equal((70_100L, 70_600L, 69_900L, 69_900L), (last.Open, last.High, last.Low, last.Price));
        Assert.Equal((-100L, -0.14m, 35L), (last.Change, last.ChangeRate, last.Volume));
        Assert.Equal((Monday, 35L), (receipt.Date, receipt.Applied));
        await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        lock (published)
        {
            // Publishing is coalesced (at most ten a second): the second batch may or may not have its own snapshot.
            Assert.Equal(published.Select(s => s.TickCount).Order(), published.Select(s => s.TickCount));
            Assert.Equal(last, published[^1] with { Trades = null });
            Assert.Equal([70_100L, 70_600L, 69_900L], published.SelectMany(p => p.Trades ?? []).Select(t => t.Price));
        }
        await subscription.UnsubscribeAsync();
    }

    [Fact]
    public async Task A_slow_write_of_the_day_does_not_hold_up_the_feed_and_what_changed_meanwhile_is_written_next()
    {
        const string code = "900031";
        var trades = new Trades(code, basePrice: 10_000, Monday);
        var grain = fixture.Grains.GetGrain<IStockGrain>(code);
        var gate = fixture.SiloService<StorageGate>();
        gate.Close(code);
        try
        {
            await grain.Feed([trades.At("090000", 10_050, 3)], null);
            // The grain's once-a-second flush is now waiting on storage.
            await gate.Blocked.WaitAsync(TimeSpan.FromSeconds(10));

            var during = await grain.Feed([trades.At("090001", 10_100, 4)], null).WaitAsync(TimeSpan.FromSeconds(5));

            Assert.Equal((7L, 0L), (during.Applied, during.Persisted));
        }
        finally
        {
            gate.Open();
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        var receipt = await grain.Feed([], null);
        while (receipt.Persisted < 7 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            receipt = await grain.Feed([], null);
        }

        Assert.Equal((7L, 7L), (receipt.Applied, receipt.Persisted));
    }

    [Fact]
    public async Task A_replayed_batch_changes_nothing_and_publishes_nothing_new()
    {
        const string code = "900002";
        var trades = new Trades(code, basePrice: 10_000, Monday);
        var batch = new[] { trades.At("090000", 10_050, 3), trades.At("090001", 10_100, 4) };
        var grain = fixture.Grains.GetGrain<IStockGrain>(code);

        await grain.Ingest(batch);
        var first = await grain.GetSnapshot();
        await grain.Ingest(batch);

        Assert.Equal(first, await grain.GetSnapshot());
        Assert.Equal((7L, 2L), (first.Volume, first.TickCount));
    }

    [Fact]
    public async Task The_receipt_says_what_is_stored_so_the_feed_can_trim_its_journal()
    {
        const string code = "900004";
        var trades = new Trades(code, basePrice: 10_000, Monday);
        var grain = fixture.Grains.GetGrain<IStockGrain>(code);

        var applied = await grain.Ingest([trades.At("090000", 10_050, 3), trades.At("090001", 10_100, 4)]);
        Assert.Equal((Monday, 7L, 0L), (applied.Date, applied.Applied, applied.Persisted));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 1, TimeSpan.FromHours(9)), applied.LastTradeTime);

        // The grain writes its day at most once a second; an empty batch asks where it is.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var stored = await grain.Ingest([]);
        while (stored.Persisted < 7 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            stored = await grain.Ingest([]);
        }

        Assert.Equal((Monday, 7L, 7L), (stored.Date, stored.Applied, stored.Persisted));
    }

    [Fact]
    public async Task A_gap_holds_later_trades_until_it_is_filled_or_skipped()
    {
        const string code = "900005";
        var trades = new Trades(code, basePrice: 10_000, Monday);
        var grain = fixture.Grains.GetGrain<IStockGrain>(code);
        var first = trades.At("090000", 10_050, 3);
        var lost = trades.At("090001", 10_100, 4);
        var after = trades.At("090002", 10_150, 5);

        Assert.Equal(3, (await grain.Ingest([first, after])).Applied);
        Assert.Equal(12, (await grain.Ingest([lost, after])).Applied);

        trades.Missed(8);
        var later = trades.At("090010", 10_200, 1);
        Assert.Equal(12, (await grain.Ingest([later])).Applied);
        Assert.Equal(20, (await grain.SkipGap(Monday, 20)).Applied);
        Assert.Equal(21, (await grain.Ingest([later])).Applied);
        Assert.Equal((21L, 4L), ((await grain.GetSnapshot()).Volume, (await grain.GetSnapshot()).TickCount));
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
        await grain.Watch(TimeSpan.FromMinutes(1));
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

    [Fact]
    public async Task One_feed_call_applies_the_trades_and_takes_the_book_unless_it_is_older()
    {
        const string code = "900006";
        var trades = new Trades(code, basePrice: 10_000, Monday);
        var grain = fixture.Grains.GetGrain<IStockGrain>(code);
        var nine = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(9));
        var book = new OrderBook(code, nine.AddSeconds(1), [new(10_100, 5)], [new(10_050, 7)], 5, 7);

        var receipt = await grain.Feed([trades.At("090000", 10_050, 3), trades.At("090001", 10_100, 4)], book);
        await grain.Feed([], book with { Time = nine, Asks = [new(10_200, 1)] });

        Assert.Equal(7, receipt.Applied);
        Assert.Equal((10_100L, 7L), ((await grain.GetSnapshot()).Price, (await grain.GetSnapshot()).Volume));
        Assert.Equivalent(book, await grain.GetBook(), strict: true);
    }

    [Fact]
    public async Task Snapshots_go_out_at_most_ten_times_a_second_and_the_last_change_always_goes_out()
    {
        const string code = "900007";
        var trades = new Trades(code, basePrice: 10_000, Monday);
        var published = new List<long>();
        var last = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = fixture.Client.GetStreamProvider(StreamNames.Provider).GetStream<StockSnapshot>(StreamNames.ForStock(code));
        var subscription = await stream.SubscribeAsync((snapshot, _) =>
        {
            // The watch's own first snapshot (no trades yet) is not one of the changes counted here.
            if (snapshot.TickCount > 0) lock (published) published.Add(snapshot.TickCount);
            if (snapshot.TickCount == 60) last.TrySetResult();
            return Task.CompletedTask;
        });
        var grain = fixture.Grains.GetGrain<IStockGrain>(code);
        await grain.Watch(TimeSpan.FromMinutes(1));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 60; i++) await grain.Ingest([trades.At("090000", 10_000 + i % 5 * 10, 1)]);
        var elapsed = watch.Elapsed;
        await last.Task.WaitAsync(TimeSpan.FromSeconds(10));

        lock (published)
        {
            Assert.Equal(60, published[^1]);
            Assert.True(published.Count <= elapsed.TotalMilliseconds / 100 + 2, $"{published.Count} snapshots in {elapsed.TotalMilliseconds:0} ms");
        }

        await subscription.UnsubscribeAsync();
    }

    [Fact]
    public async Task A_stock_nobody_watches_publishes_nothing_and_a_watched_one_publishes_until_its_lease_ends()
    {
        const string code = "900008";
        var trades = new Trades(code, basePrice: 10_000, Monday);
        var published = new List<(long TickCount, bool WatchedAgain)>();
        var books = 0;
        var watchedAgain = false;
        var provider = fixture.Client.GetStreamProvider(StreamNames.Provider);
        var subscription = await provider.GetStream<StockSnapshot>(StreamNames.ForStock(code)).SubscribeAsync((snapshot, _) =>
        {
            lock (published) published.Add((snapshot.TickCount, Volatile.Read(ref watchedAgain)));
            return Task.CompletedTask;
        });
        var bookSubscription = await provider.GetStream<OrderBook>(StreamNames.ForBook(code)).SubscribeAsync((_, _) =>
        {
            Interlocked.Increment(ref books);
            return Task.CompletedTask;
        });
        var grain = fixture.Grains.GetGrain<IStockGrain>(code);
        (long TickCount, bool WatchedAgain)[] Published() { lock (published) return [.. published]; }

        await grain.Ingest([trades.At("090000", 10_000, 1)]);
        var shown = await grain.Watch(TimeSpan.FromSeconds(1));
        await Until(() => Published().Any(p => p.TickCount == 1));
        await grain.UpdateBook(new OrderBook(code, new DateTimeOffset(2026, 11, 23, 9, 0, 1, TimeSpan.FromHours(9)), [new(10_010, 5)], [new(10_000, 7)], 5, 7));
        await grain.Ingest([trades.At("090001", 10_010, 1)]);
        await Until(() => Published().Any(p => p.TickCount == 2) && Volatile.Read(ref books) == 1);
        // A stream is delivered in order: had the unwatched trade been published, its snapshot would have come first.
        Assert.Equal([1L, 2L], Published().Select(p => p.TickCount));

        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await grain.Ingest([trades.At("090002", 10_020, 1)]);
        Volatile.Write(ref watchedAgain, true);
        await grain.Watch(TimeSpan.FromSeconds(1));

        // Only a new watch (the lease had ended) publishes the current book again, and the trade after the end waited for it.
        await Until(() => Volatile.Read(ref books) == 2 && Published().Any(p => p.TickCount == 3));
        Assert.Equal(1, shown.TickCount);
        Assert.Equal([(1L, false), (2L, false), (3L, true)], Published());
        Assert.Equal(3, (await grain.GetSnapshot()).TickCount);
        await subscription.UnsubscribeAsync();
        await bookSubscription.UnsubscribeAsync();
    }

    [Fact]
    public async Task A_report_the_reporter_did_not_take_is_sent_again_on_the_next_tick_though_the_stock_stays_quiet()
    {
        const string code = "900009";
        var trades = new Trades(code, basePrice: 10_000, Monday);
        var gate = fixture.SiloService<ReportGate>();
        gate.Refuse(code);
        try
        {
            await fixture.Grains.GetGrain<IStockGrain>(code).Feed([trades.At("090000", 10_050, 3)], null);
            Assert.True(await Poll.Until(() => gate.Counts(code).Refused >= 1, TimeSpan.FromSeconds(10)), "the grain never reported");
        }
        finally
        {
            gate.Accept();
        }

        // No trade since: only a retry of the refused report can reach the reporter.
        Assert.True(await Poll.Until(() => gate.Counts(code).Taken >= 1, TimeSpan.FromSeconds(10)), "the refused report was never sent again");
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(10); !condition(); await Task.Delay(20))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("not published in time");
        }
    }
}
