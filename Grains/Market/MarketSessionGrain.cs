using Gslts.Grains.Interfaces;
using Gslts.Grains.Interfaces.Market;
using Gslts.Grains.Interfaces.Streams;
using Gslts.Krx;
using Orleans.Streams;

namespace Gslts.Grains.Market;

/// <summary>Keeps the feed's last 0s and publishes the session whenever it changes, by a report or by the clock.</summary>
public sealed class MarketSessionGrain(
    [PersistentState("session", StorageNames.Market)] IPersistentState<MarketSessionState> stored, TimeProvider clock) : Grain, IMarketSessionGrain
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);
    private IAsyncStream<MarketStatus>? stream;
    private MarketSessionKind? published;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        stream = this.GetStreamProvider(StreamNames.Provider).GetStream<MarketStatus>(StreamNames.ForMarket());
        // The 08:30 auction and a calendar day's changes come by the clock, not by a 0s.
        this.RegisterGrainTimer(PublishIfChangedAsync, new GrainTimerCreationOptions(CheckEvery, CheckEvery) { Interleave = true });
        return Task.CompletedTask;
    }

    public async Task Report(MarketSessionReport report)
    {
        stored.State = new MarketSessionState(report);
        await stored.WriteStateAsync();
        await PublishIfChangedAsync(CancellationToken.None);
    }

    public Task<MarketStatus> Get() => Task.FromResult(Now());

    private MarketStatus Now() => MarketStatusRules.At(clock.GetUtcNow(), stored.State.Last, KrxCalendar.Default, KrxSessions.Regular);

    private async Task PublishIfChangedAsync(CancellationToken cancellationToken)
    {
        var status = Now();
        if (status.Session == published) return;
        published = status.Session;
        await stream!.OnNextAsync(status);
    }
}
