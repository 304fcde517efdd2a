using System.Diagnostics;
using Gslts.KiwoomBridge.Rest;

namespace Gslts.KiwoomBridge.Tests;

/// <summary>The per-app-key budget: background queries (the exchange ranking's refreshes) yield to every other query.</summary>
public sealed class RateLimiterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_background_query_waits_while_other_queries_wait_even_ones_that_came_after_it()
    {
        var limiter = new KiwoomRateLimiter(TimeProvider.System, queriesPerSecond: 2, ordersPerSecond: 1);
        await limiter.AcquireAsync(CallKind.Query, CancellationToken.None);
        await limiter.AcquireAsync(CallKind.Query, CancellationToken.None);
        var clock = Stopwatch.StartNew();

        // The window is full: a query waits, then a background query, then another query.
        var first = Timed(limiter.AcquireAsync(CallKind.Query, CancellationToken.None), clock);
        var background = Timed(limiter.AcquireAsync(CallKind.Background, CancellationToken.None), clock);
        var second = Timed(limiter.AcquireAsync(CallKind.Query, CancellationToken.None), clock);
        await Task.WhenAll(first, background, second).WaitAsync(Patience);

        Assert.True(await background > await first && await background > await second,
            $"queries at {(await first).TotalSeconds:0.00} s and {(await second).TotalSeconds:0.00} s, background at {(await background).TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task Background_queries_leave_the_windows_last_slot_to_a_query_that_arrives()
    {
        var limiter = new KiwoomRateLimiter(TimeProvider.System, queriesPerSecond: 2, ordersPerSecond: 1);
        await limiter.AcquireAsync(CallKind.Background, CancellationToken.None);

        var secondBackground = limiter.AcquireAsync(CallKind.Background, CancellationToken.None);
        var query = limiter.AcquireAsync(CallKind.Query, CancellationToken.None);
        // Well short of the 1.2 s window: the query did not wait for a slot to come free.
        await query.WaitAsync(TimeSpan.FromSeconds(1));

        Assert.False(secondBackground.IsCompleted, "the second background query took the last slot");
        await secondBackground.WaitAsync(Patience);
    }

    [Fact]
    public async Task Orders_keep_their_own_budget_whatever_background_queries_do()
    {
        var limiter = new KiwoomRateLimiter(TimeProvider.System, queriesPerSecond: 1, ordersPerSecond: 1);
        await limiter.AcquireAsync(CallKind.Background, CancellationToken.None);
        var waitingBackground = limiter.AcquireAsync(CallKind.Background, CancellationToken.None);

        await limiter.AcquireAsync(CallKind.Order, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(1));

        Assert.False(waitingBackground.IsCompleted, "a budget of one query a window: the background query waits for the next window");
        await waitingBackground.WaitAsync(Patience);
    }

    private static async Task<TimeSpan> Timed(Task acquired, Stopwatch clock)
    {
        await acquired;
        return clock.Elapsed;
    }
}
