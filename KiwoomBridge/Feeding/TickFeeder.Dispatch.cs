using Gslts.Grains.Interfaces.Stocks;
using Microsoft.Extensions.Logging;

namespace Gslts.KiwoomBridge.Feeding;

public sealed partial class TickFeeder
{
    /// <summary>Starts what each changed lane needs next: a delivery, a backfill, or giving a gap up.</summary>
    private void Dispatch()
    {
        var now = time.GetUtcNow();
        foreach (var code in dirty)
        {
            var lane = lanes[code];
            if (lane.Delivering || now < lane.RetryAt) continue;
            var trades = lane.Trades;
            if (trades.Gap is not { } gap) (lane.GapSeen, lane.BackfillFailures) = (null, 0);
            else if (HandleGap(lane, gap, now)) continue;

            var ticks = trades.NextBatch(MaxBatch);
            var probe = trades.Applied < 0 || (trades.Journaled > 0 && now - lane.LastAnswer >= JournalCheck);
            if (ticks.Length == 0 && lane.Book is null && !probe) continue;

            var book = lane.Book;
            lane.Book = null;
            lane.Delivering = true;
            _ = DeliverAsync(lane, grain => grain.Feed(ticks, book));
        }

        dirty.Clear();
    }

    /// <summary>True when the lane is now busy giving the gap up; otherwise the lane may still deliver what joins on.</summary>
    private bool HandleGap(Lane lane, (long From, long To) gap, DateTimeOffset now)
    {
        lane.GapSeen ??= now;
        if (lane.Backfilling || now - lane.GapSeen < options.Value.GapGrace) return false;
        var date = lane.Trades.Date;
        if (lane.BackfillFailures >= options.Value.BackfillAttempts)
        {
            logger.LogError("Giving up trades of {Code} between volume {From} and {To}: the tape could not supply them after {Attempts} attempts",
                lane.Code, gap.From, gap.To, lane.BackfillFailures);
            Interlocked.Add(ref skippedVolume, gap.To - gap.From);
            (lane.BackfillFailures, lane.GapSeen, lane.Delivering) = (0, null, true);
            _ = DeliverAsync(lane, grain => grain.SkipGap(date, gap.To));
            return true;
        }

        lane.Backfilling = true;
        logger.LogWarning("Gap in the trades of {Code}: volume {From} to {To} missing for {Seconds:0.0}s; backfilling from the tape",
            lane.Code, gap.From, gap.To, (now - lane.GapSeen.Value).TotalSeconds);
        _ = BackfillAsync(new TapeRequest(lane.Code, date, gap.From, gap.To, lane.Trades.AppliedTime, lane.Trades.Run(20)));
        return false;
    }

    private async Task DeliverAsync(Lane lane, Func<IStockGrain, Task<FeedReceipt>> send)
    {
        Interlocked.Increment(ref deliveries);
        var started = time.GetTimestamp();
        try
        {
            var receipt = await send(lane.Grain);
            inbox.Writer.TryWrite(new Delivered(lane.Code, receipt, null, started, time.GetTimestamp()));
        }
        catch (Exception e)
        {
            inbox.Writer.TryWrite(new Delivered(lane.Code, null, e, started, time.GetTimestamp()));
        }
    }

    private async Task BackfillAsync(TapeRequest request)
    {
        try
        {
            var ticks = await history.TradesAsync(request, stopping);
            inbox.Writer.TryWrite(new Backfilled(request.Code, request.From, request.To, ticks, null));
        }
        catch (Exception e)
        {
            inbox.Writer.TryWrite(new Backfilled(request.Code, request.From, request.To, null, e.Message));
        }
    }

    private async Task VerifyAsync(IReadOnlyList<string> codes, long since, CancellationToken cancellationToken)
    {
        try
        {
            // Stocks that trade right after the login show their own gaps; only the quiet ones need asking.
            await Task.Delay(options.Value.GapGrace, time, cancellationToken);
            var quiet = codes.Where(code => !lanes.TryGetValue(code, out var lane) || Volatile.Read(ref lane.LastArrival) <= since).ToList();
            var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);
            await foreach (var (code, volume) in history.DayVolumesAsync(quiet, cancellationToken))
            {
                if (volume > 0) inbox.Writer.TryWrite(new DayVolume(code, today, volume));
            }
        }
        catch (OperationCanceledException)
        {
            // A newer login started its own check, or the bridge is stopping.
        }
        catch (Exception e)
        {
            // Trades missed while away then show as gaps only when their stocks trade again.
            logger.LogWarning("Could not check the day volumes after login: {Reason}", e.Message);
        }
    }
}

/// <summary>What reaches the feeder's loop.</summary>
internal abstract record FeedEvent;

/// <param name="Trades">The pool's array (its first <paramref name="Count"/> items), given back once they are in their lanes.</param>
internal sealed record FrameArrived(Tick[] Trades, int Count, OrderBook[] Books, long ArrivedAt) : FeedEvent;

/// <param name="AnsweredAt">When the grain's answer came back (it had applied the trades), before the loop took it.</param>
internal sealed record Delivered(string Code, FeedReceipt? Receipt, Exception? Failure, long StartedAt, long AnsweredAt) : FeedEvent;

internal sealed record Backfilled(string Code, long From, long To, Tick[]? Ticks, string? Failure) : FeedEvent;

internal sealed record DayVolume(string Code, DateOnly Date, long Volume, TimeSpan? SilentFor = null) : FeedEvent;

internal sealed record Heartbeat : FeedEvent
{
    public static readonly Heartbeat Instance = new();
}
