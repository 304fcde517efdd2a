using Gslts.Grains.Interfaces.Stocks;
using Gslts.KiwoomBridge.Accounts;
using Gslts.KiwoomBridge.Feeding;
using Microsoft.Extensions.Logging;

namespace Gslts.KiwoomBridge.Realtime;

/// <summary>
/// Routes the items of REAL frames: trades (0B) and books (0D) to the feeder, together per frame; order events (00) and
/// balance (04) to the account feed; the market's session (0s) to the feed status; what cannot be read is counted and
/// logged; types the product does not use yet (1h VIs and the rest of Kiwoom's 19) are counted, not logged.
/// </summary>
public sealed class RealFrameRouter(TickFeeder feeder, AccountFeed accounts, FeedStatus status, ILogger logger)
{
    private readonly List<Tick> frameTrades = [];
    private readonly List<OrderBook> frameBooks = [];
    private RealFrameReader.ItemHandler? itemHandler;
    private DateOnly frameDate;
    private long frameArrivedAt;

    /// <summary>
    /// Routes one REAL frame (its trading date, and the feeder clock's timestamp of its first bytes, given); a
    /// <see cref="System.Text.Json.JsonException"/> leaves what came before the fault pending for <see cref="Flush"/>.
    /// </summary>
    public void Route(RealFrameReader frames, ReadOnlySpan<byte> frame, DateOnly tradingDate, long arrivedAt)
    {
        (frameDate, frameArrivedAt) = (tradingDate, arrivedAt);
        var malformed = frames.ReadItems(frame, itemHandler ??= OnItem);
        Flush();
        if (malformed == 0) return;
        for (var i = 0; i < malformed; i++) status.Reject();
        logger.LogWarning("Rejected {Count} real-time item(s) without a type", malformed);
    }

    /// <summary>One item of a REAL frame: trades and books are collected and go to the feeder together, per frame.</summary>
    private void OnItem(string type, string? item, RealValues values)
    {
        switch (type)
        {
            case "0B":
                var (tick, rejection) = TradeParser.Parse(item, values, frameDate, feeder.NextSequence());
                if (tick is not { } trade)
                {
                    status.Reject();
                    logger.LogWarning("Rejected a real-time trade: {Reason}", rejection);
                    return;
                }

                status.Tick(trade.Time);
                frameTrades.Add(trade);
                return;
            case "0D":
                var (book, refused) = BookParser.Parse(item, values, frameDate);
                if (book is null)
                {
                    status.Reject();
                    logger.LogWarning("Rejected a real-time book: {Reason}", refused);
                    return;
                }

                frameBooks.Add(book);
                return;
            case "00" or "04":
                OnAccount(type, values);
                return;
            case "0s":
                var (session, unread) = MarketSession.Parse(values);
                if (session is null)
                {
                    status.Reject();
                    logger.LogWarning("Rejected a real-time session message: {Reason}", unread);
                    return;
                }

                status.Session(session);
                return;
            default:
                status.Ignore();
                return;
        }
    }

    /// <summary>Hands the frame's trades and books to the feeder.</summary>
    public void Flush()
    {
        if (frameTrades.Count == 0 && frameBooks.Count == 0) return;
        feeder.Post(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(frameTrades), [.. frameBooks], frameArrivedAt);
        frameTrades.Clear();
        frameBooks.Clear();
    }

    private void OnAccount(string type, RealValues values)
    {
        string? rejection;
        if (type == "00")
        {
            (var order, rejection) = AccountParser.Order(values);
            if (order is not null) accounts.Post(order);
        }
        else
        {
            (var holding, var cash, rejection) = AccountParser.Holding(values);
            if (holding is not null) accounts.Post(holding, cash);
        }

        if (rejection is null) return;
        status.Reject();
        logger.LogWarning("Rejected a real-time account message: {Reason}", rejection);
    }
}
