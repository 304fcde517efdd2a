using System.Threading.Channels;
using Gslts.Grains.Interfaces.Accounts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomBridge.Accounts;

/// <summary>
/// Carries the account's real-time events (00, 04) to its grain in arrival order, and after every login has the grain
/// reconcile with REST first: fills that happened while the socket was down are in REST, not in the stream. An event
/// that still fails after <see cref="KiwoomOptions.AccountAttempts"/> tries is parked (kept, listed in /healthz, logged
/// once) and the events after it go on; the next reconcile that succeeds (one follows every login) sets the account
/// right from the broker, so it clears what was parked before it.
/// </summary>
public sealed class AccountFeed(IGrainFactory grains, IOptions<KiwoomOptions> options, TimeProvider time, ILogger<AccountFeed> logger)
    : BackgroundService
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);
    private readonly Channel<AccountEvent> inbox = Channel.CreateUnbounded<AccountEvent>(new() { SingleReader = true });
    private readonly Queue<ParkedAccountEvent> parked = new();
    private long unlisted;

    /// <summary>Events given up on since the last successful reconcile, oldest first (at most <see cref="KiwoomOptions.ParkedAccountEvents"/>).</summary>
    public IReadOnlyList<ParkedAccountEvent> Parked
    {
        get
        {
            lock (parked) return [.. parked];
        }
    }

    /// <summary>Parked events no longer listed because more than <see cref="KiwoomOptions.ParkedAccountEvents"/> were parked.</summary>
    public long Unlisted => Interlocked.Read(ref unlisted);

    public void Post(BrokerOrder order) => inbox.Writer.TryWrite(new AccountEvent(
        $"order {order.OrderNo} {order.Code} {order.Side} {order.Quantity}@{order.Price} (filled {order.Filled}, remaining {order.Remaining})",
        account => account.OnOrder(order)));

    public void Post(Holding holding, long cash) => inbox.Writer.TryWrite(new AccountEvent(
        $"balance of {holding.Code}: {holding.Quantity} shares ({holding.Sellable} sellable)", account => account.OnHolding(holding, cash)));

    /// <summary>After a (re)login: queued ahead of anything the new connection sends after it.</summary>
    public void Reconcile() => inbox.Writer.TryWrite(new AccountEvent("reconcile with the broker's orders and balance (REST)", account => account.Reconcile(), true));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var account = grains.GetGrain<IAccountGrain>(IAccountGrain.Kiwoom);
        try
        {
            await foreach (var next in inbox.Reader.ReadAllAsync(stoppingToken))
            {
                if (await DeliverAsync(account, next, stoppingToken) is { } failure) Park(next, failure);
                else if (next.IsReconcile) SetRight();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Null once the grain took the event; otherwise the last failure, after every attempt.</summary>
    private async Task<string?> DeliverAsync(IAccountGrain account, AccountEvent next, CancellationToken cancellationToken)
    {
        var attempts = options.Value.AccountAttempts;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await next.Send(account);
                return null;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= attempts) return $"{e.GetType().Name}: {e.Message}";
                var wait = TimeSpan.FromSeconds(Math.Min(LongestWait.TotalSeconds, Math.Pow(2, attempt - 1)));
                logger.LogWarning("Account update failed (attempt {Attempt} of {Attempts}), retrying in {Wait}: {Reason}", attempt, attempts, wait, e.Message);
                await Task.Delay(wait, time, cancellationToken);
            }
        }
    }

    private void Park(AccountEvent next, string failure)
    {
        var attempts = options.Value.AccountAttempts;
        bool overflowed;
        lock (parked)
        {
            parked.Enqueue(new ParkedAccountEvent(next.What, failure, time.GetUtcNow(), attempts));
            overflowed = parked.Count > options.Value.ParkedAccountEvents;
            if (overflowed)
            {
                parked.Dequeue();
                Interlocked.Increment(ref unlisted);
            }
        }

        logger.LogError("Parked an account event after {Attempts} failed attempts: {Event} ({Failure}). The events after it go on; " +
            "the next reconcile (after every login) sets the account right", attempts, next.What, failure);
        if (overflowed)
        {
            logger.LogError("More than {Max} account events are parked: the oldest is no longer listed ({Unlisted} in all); the next reconcile sets them right as well",
                options.Value.ParkedAccountEvents, Unlisted);
        }
    }

    /// <summary>A reconcile took the broker's orders and balance: whatever was parked before it is right now.</summary>
    private void SetRight()
    {
        int cleared;
        lock (parked)
        {
            cleared = parked.Count + (int)Interlocked.Exchange(ref unlisted, 0);
            parked.Clear();
        }

        if (cleared > 0) logger.LogInformation("Reconciled with the broker: the {Count} account event(s) parked before it are set right", cleared);
    }

    /// <param name="What">What the event was, for the log and /healthz (order numbers, codes and quantities; never a key).</param>
    private sealed record AccountEvent(string What, Func<IAccountGrain, Task> Send, bool IsReconcile = false);
}

/// <summary>An account event given up on after its attempts; the next successful reconcile sets it right.</summary>
public sealed record ParkedAccountEvent(string Event, string Failure, DateTimeOffset ParkedAt, int Attempts);
