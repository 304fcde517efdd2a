using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.Client.Web.Market;

/// <summary>Keeps only the newest snapshot and sends it at most once per interval; the last one is never lost.</summary>
public sealed class StockCoalescer(string code, TimeSpan minInterval, TimeProvider clock, Func<StockSnapshot, Task> send)
{
    private StockSnapshot? latest;
    private int scheduled;
    private long lastSentAt = long.MinValue;

    public string Code { get; } = code;

    public void Offer(StockSnapshot snapshot)
    {
        Volatile.Write(ref latest, snapshot);
        if (Interlocked.CompareExchange(ref scheduled, 1, 0) == 0)
        {
            _ = SendSoonAsync();
        }
    }

    private async Task SendSoonAsync()
    {
        var wait = lastSentAt == long.MinValue ? TimeSpan.Zero : minInterval - clock.GetElapsedTime(lastSentAt);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock);
        }

        lastSentAt = clock.GetTimestamp();
        // Cleared before reading, so a snapshot offered from here on schedules its own send.
        Volatile.Write(ref scheduled, 0);
        var snapshot = Interlocked.Exchange(ref latest, null);
        if (snapshot is not null)
        {
            await send(snapshot);
        }
    }
}
