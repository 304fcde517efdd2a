using System.Threading.Channels;
using Gslts.Grains.Interfaces.Accounts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gslts.KiwoomBridge.Accounts;

/// <summary>
/// Carries the account's real-time events (00, 04) to its grain in arrival order, and after every login has the grain
/// reconcile with REST first: fills that happened while the socket was down are in REST, not in the stream.
/// </summary>
public sealed class AccountFeed(IGrainFactory grains, TimeProvider time, ILogger<AccountFeed> logger) : BackgroundService
{
    private readonly Channel<Func<IAccountGrain, Task>> inbox = Channel.CreateUnbounded<Func<IAccountGrain, Task>>(new() { SingleReader = true });

    public void Post(BrokerOrder order) => inbox.Writer.TryWrite(account => account.OnOrder(order));

    public void Post(Holding holding, long cash) => inbox.Writer.TryWrite(account => account.OnHolding(holding, cash));

    /// <summary>After a (re)login: queued ahead of anything the new connection sends after it.</summary>
    public void Reconcile() => inbox.Writer.TryWrite(account => account.Reconcile());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var account = grains.GetGrain<IAccountGrain>(IAccountGrain.Kiwoom);
        try
        {
            await foreach (var send in inbox.Reader.ReadAllAsync(stoppingToken))
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await send(account);
                        break;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // An account event is never dropped: the grain (or the broker, when reconciling) comes back.
                        var wait = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt - 1)));
                        logger.LogWarning("Account update failed (attempt {Attempt}), retrying in {Wait}: {Reason}", attempt, wait, e.Message);
                        await Task.Delay(wait, time, stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
