using System.Threading.Channels;
using Gslts.Krx;
using Microsoft.Extensions.Logging;

namespace Gslts.KiwoomBridge.Feeding;

public sealed partial class TickFeeder
{
    // Day-volume queries one watchdog round may spend (they share the app key's query budget with backfills).
    private const int SilenceChecksPerRound = 10;

    private readonly Channel<string> silentStocks = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Stocks whose stream went silent while the exchange kept trading them: the real-time client registers them again.</summary>
    public ChannelReader<string> SilentStocks => silentStocks.Reader;

    /// <summary>
    /// Streams stop silently in production, sometimes for one stock only: while the continuous session runs, a stock
    /// that traded today and has sent nothing for <see cref="KiwoomOptions.StockSilence"/> is checked against the
    /// exchange's day volume; if the exchange traded more, the gap is filled from the tape and the stock is registered again.
    /// </summary>
    private async Task WatchSilentStocksAsync(CancellationToken cancellationToken)
    {
        var silence = options.Value.StockSilence;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(silence / 4, time, cancellationToken);
                var now = time.GetUtcNow();
                var today = Kst.DateOf(now);
                if (!KrxCalendar.Default.IsTradingDay(today) || KrxCalendar.Default.SessionsOn(today).PhaseAt(Kst.TimeOf(now)) != MarketPhase.Continuous) continue;
                var quiet = lanes.Values
                    .Where(l => Volatile.Read(ref l.LastTradeAt) is > 0 and var at && now.UtcTicks - at >= silence.Ticks && now - l.SilenceCheckedAt >= silence)
                    .Take(SilenceChecksPerRound)
                    .ToList();
                foreach (var lane in quiet)
                {
                    lane.SilenceCheckedAt = now;
                    var volume = await history.DayVolumeAsync(lane.Code, cancellationToken);
                    var silentFor = TimeSpan.FromTicks(now.UtcTicks - Volatile.Read(ref lane.LastTradeAt));
                    inbox.Writer.TryWrite(new DayVolume(lane.Code, today, volume, silentFor));
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Checking silent stocks failed: {Reason}", e.Message);
            }
        }
    }

    /// <summary>On the loop: the exchange's day volume for a stock; more than the stock's stream has brought is a gap.</summary>
    private void OnDayVolume(DayVolume v)
    {
        var lane = LaneOf(v.Code);
        var missing = v.Volume - lane.Trades.KnownEnd;
        var before = lane.Trades.InMemory;
        lane.Trades.Expect(v.Date, v.Volume);
        inMemory += lane.Trades.InMemory - before;
        dirty.Add(v.Code);
        if (v.SilentFor is not { } silent || missing <= 0) return;
        logger.LogWarning("The stream of {Code} sent nothing for {Silence:0}s while the exchange traded {Missing} more shares; " +
            "backfilling from the tape and registering it again", v.Code, silent.TotalSeconds, missing);
        silentStocks.Writer.TryWrite(v.Code);
    }
}
