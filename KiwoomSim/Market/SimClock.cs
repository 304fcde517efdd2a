using Microsoft.Extensions.Options;

namespace Gslts.KiwoomSim.Market;

/// <summary>
/// The sim's virtual market time: a trading day that opens at 09:00 KST when the sim starts and runs at
/// <see cref="SimOptions.Speed"/> times real time.
/// </summary>
public sealed class SimClock
{
    public static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    public static readonly TimeOnly Open = new(9, 0);
    public static readonly TimeOnly Close = new(15, 20);

    private readonly TimeProvider time;
    private readonly double speed;
    private readonly long startedAt;

    public SimClock(TimeProvider time, IOptions<SimOptions> options)
    {
        this.time = time;
        speed = options.Value.Speed;
        startedAt = time.GetTimestamp();
        TradingDate = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Kst).DateTime);
    }

    public DateOnly TradingDate { get; }

    /// <summary>Virtual KST time of day; it stops at the close.</summary>
    public TimeOnly Now
    {
        get
        {
            var elapsed = time.GetElapsedTime(startedAt) * speed;
            var limit = Close - Open;
            return Open.Add(elapsed < limit ? elapsed : limit);
        }
    }

    public bool IsOpen => time.GetElapsedTime(startedAt) * speed < Close - Open;

    /// <summary>Virtual seconds elapsed since the open.</summary>
    public double ElapsedSeconds => (time.GetElapsedTime(startedAt) * speed).TotalSeconds;
}
