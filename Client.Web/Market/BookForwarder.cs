using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Interfaces.Streams;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Gslts.Client.Web.Market;

/// <summary>
/// Forwards a stock's book stream to its book group while at least one browser on this node shows that stock's book;
/// the last one leaving unsubscribes. The grain publishes books only while the stock is watched (its lease, which
/// <see cref="StockFeedForwarder"/> renews), so a book is shown only for a watched stock.
/// </summary>
public sealed class BookForwarder(IClusterClient cluster, IHubContext<MarketHub> hub, ILogger<BookForwarder> logger)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Forward> forwards = new(StringComparer.Ordinal);

    public const string Event = "book";

    public static string GroupOf(string code) => $"book:{code}";

    /// <summary>Stocks whose books this node forwards now.</summary>
    public int ForwardedBooks
    {
        get
        {
            lock (gate) return forwards.Count;
        }
    }

    public async Task WatchAsync(string code, CancellationToken cancellationToken)
    {
        Forward forward;
        lock (gate)
        {
            if (!forwards.TryGetValue(code, out forward!) || forward.Subscribed.IsFaulted)
            {
                forward = new Forward(code, SubscribeAsync(code));
                forwards[code] = forward;
            }

            forward.Watchers++;
        }

        try
        {
            await forward.Subscribed.WaitAsync(cancellationToken);
        }
        catch
        {
            Unwatch(code);
            throw;
        }
    }

    public void Unwatch(string code)
    {
        Forward? idle = null;
        lock (gate)
        {
            if (!forwards.TryGetValue(code, out var forward)) return;
            if (--forward.Watchers > 0) return;
            forwards.Remove(code);
            idle = forward;
        }

        _ = UnsubscribeAsync(idle);
    }

    private async Task<StreamSubscriptionHandle<OrderBook>> SubscribeAsync(string code)
    {
        var stream = cluster.GetStreamProvider(StreamNames.Provider).GetStream<OrderBook>(StreamNames.ForBook(code));
        return await stream.SubscribeAsync(async (book, _) =>
        {
            try
            {
                await hub.Clients.Group(GroupOf(code)).SendAsync(Event, book);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not push the book of {Code} to browsers", code);
            }
        });
    }

    private async Task UnsubscribeAsync(Forward forward)
    {
        try
        {
            await (await forward.Subscribed).UnsubscribeAsync();
        }
        catch (Exception e)
        {
            logger.LogWarning("Could not unsubscribe from the book of {Code}: {Reason}", forward.Code, e.Message);
        }
    }

    private sealed class Forward(string code, Task<StreamSubscriptionHandle<OrderBook>> subscribed)
    {
        public string Code { get; } = code;

        public Task<StreamSubscriptionHandle<OrderBook>> Subscribed { get; } = subscribed;

        public int Watchers { get; set; }
    }
}
