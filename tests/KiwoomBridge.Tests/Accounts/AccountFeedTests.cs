using Gslts.Grains.Interfaces.Accounts;
using Gslts.KiwoomBridge.Accounts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gslts.KiwoomBridge.Tests.Accounts;

/// <summary>The account feed against a grain that refuses some events; its retries wait on a fake clock the tests move.</summary>
public sealed class AccountFeedTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly (IGrainFactory Factory, RecordingGrains Recorder) grains = RecordingGrains.Create();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 0, 5, 0, TimeSpan.Zero));
    private readonly CapturedLogs logs = new();
    private readonly KiwoomOptions options = new() { AccountAttempts = 5, ParkedAccountEvents = 2 };
    private readonly ILoggerFactory logging;
    private readonly AccountFeed feed;

    public AccountFeedTests()
    {
        logging = LoggerFactory.Create(l => l.AddProvider(logs));
        feed = new AccountFeed(grains.Factory, Options.Create(options), clock, logging.CreateLogger<AccountFeed>());
    }

    private RecordingAccountGrain Account => grains.Recorder.Account;

    public Task InitializeAsync() => feed.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await feed.StopAsync(CancellationToken.None);
        logging.Dispose();
    }

    [Fact]
    public async Task An_event_that_keeps_failing_is_parked_after_its_attempts_and_the_events_after_it_go_on()
    {
        Account.Failing["0000001"] = true;

        feed.Post(Order("0000001"));
        feed.Post(Order("0000002"));

        Assert.True(await AdvanceUntil(() => Account.Orders.Any(o => o.OrderNo == "0000002")), "the event after the failing one reached the grain");
        var parked = Assert.Single(feed.Parked);
        Assert.StartsWith("order 0000001 005930 Buy 10@70000", parked.Event);
        Assert.Contains("cannot take order 0000001", parked.Failure);
        Assert.Equal((5, 6), (parked.Attempts, Account.OrderCalls));
    }

    [Fact]
    public async Task Parking_is_logged_once_saying_what_the_event_was()
    {
        Account.Failing["0000001"] = true;

        feed.Post(Order("0000001"));
        feed.Post(Order("0000002"));

        Assert.True(await AdvanceUntil(() => Account.Orders.Count == 1));
        var parkedLines = logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(parkedLines);
        Assert.Contains("order 0000001 005930 Buy 10@70000", line);
    }

    [Fact]
    public async Task A_successful_reconcile_sets_right_what_was_parked_before_it()
    {
        Account.Failing["0000001"] = true;
        feed.Post(Order("0000001"));
        Assert.True(await AdvanceUntil(() => feed.Parked.Count == 1));

        feed.Reconcile();

        Assert.True(await AdvanceUntil(() => Account.Reconciles == 1 && feed.Parked.Count == 0), "the reconcile cleared the parked event");
    }

    [Fact]
    public async Task A_reconcile_that_keeps_failing_is_parked_too_and_the_next_one_clears_it()
    {
        Account.ReconcileFails = true;
        feed.Reconcile();
        feed.Post(Order("0000002"));

        Assert.True(await AdvanceUntil(() => Account.Orders.Count == 1));
        Assert.Equal("reconcile with the broker's orders and balance (REST)", Assert.Single(feed.Parked).Event);

        Account.ReconcileFails = false;
        feed.Reconcile();
        Assert.True(await AdvanceUntil(() => Account.Reconciles == 1 && feed.Parked.Count == 0));
    }

    [Fact]
    public async Task The_parked_list_is_bounded_and_counts_what_it_no_longer_lists()
    {
        foreach (var no in new[] { "0000001", "0000002", "0000003" })
        {
            Account.Failing[no] = true;
            feed.Post(Order(no));
        }

        feed.Post(Order("0000004"));

        Assert.True(await AdvanceUntil(() => Account.Orders.Count == 1));
        Assert.Equal(["order 0000002", "order 0000003"], feed.Parked.Select(p => p.Event[..13]));
        Assert.Equal(1, feed.Unlisted);
    }

    /// <summary>Moves the clock (each retry waits on it) until the condition holds.</summary>
    private Task<bool> AdvanceUntil(Func<bool> condition) => Poll.Until(() =>
    {
        if (condition()) return true;
        clock.Advance(TimeSpan.FromSeconds(30));
        return false;
    }, Patience, everyMs: 5);

    private static BrokerOrder Order(string orderNo) => new(orderNo, null, "005930", OrderSide.Buy, 10, 70_000, 10, 0, 70_000);
}
