using Microsoft.Extensions.Options;

namespace Gslts.KiwoomSim.Market;

/// <summary>
/// The sim's market time. Virtual (default): a trading day that starts at <see cref="SimOptions.StartTime"/> KST when
/// the sim starts and runs at <see cref="SimOptions.Speed"/> times real time, stopping at the close. Wall: the real KST
/// time of day, trading on KRX trading days.
/// </summary>
public sealed class SimClock
{
    public static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    private readonly TimeProvider time;
    private readonly double speed;
    private long startedAt;
    private int started;
    private readonly bool wall;

    public SimClock(TimeProvider time, IOptions<SimOptions> options)
    {
        this.time = time;
        speed = options.Value.Speed;
        wall = string.Equals(options.Value.Clock, SimOptions.WallClock, StringComparison.OrdinalIgnoreCase);
        Start = options.Value.StartTime;
        Calendar = KrxCalendar.Default.WithClosures(options.Value.Holidays);
        startedAt = time.GetTimestamp();
        TradingDate = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Kst).DateTime);
    }

    /// <summary>
    /// Begins the virtual day now (once; later calls do nothing): building 2,500 books takes a while, and a fast clock
    /// must not spend its day before the market trades.
    /// </summary>
    public void Begin()
    {
        if (Interlocked.Exchange(ref started, 1) == 0) startedAt = time.GetTimestamp();
    }

    /// <summary>Today's hours: the regular day for a virtual day, the calendar's (10:00 opens, the CSAT day) on the wall clock.</summary>
    public KrxSessions Sessions => wall ? Calendar.SessionsOn(Today) : KrxSessions.Regular;

    public KrxCalendar Calendar { get; }

    /// <summary>The KST date the sim started on (a virtual day stays on it).</summary>
    public DateOnly TradingDate { get; }

    /// <summary>The market's date now: the start date for a virtual day, today's KST date for the wall clock.</summary>
    public DateOnly Today => wall ? DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Kst).DateTime) : TradingDate;

    public TimeOnly Start { get; }

    /// <summary>KST time of day on the market's clock; the virtual clock stops at the close.</summary>
    public TimeOnly Now
    {
        get
        {
            if (wall) return TimeOnly.FromDateTime(time.GetUtcNow().ToOffset(Kst).DateTime);
            var elapsed = time.GetElapsedTime(startedAt) * speed;
            var limit = Sessions.Close - Start;
            return Start.Add(elapsed < limit ? elapsed : limit);
        }
    }

    public MarketPhase Phase => IsTradingDay ? Sessions.PhaseAt(Now) : MarketPhase.Closed;

    /// <summary>False once a virtual day has closed; a wall clock runs on to the next day.</summary>
    public bool Running => wall || Now < Sessions.Close;

    /// <summary>Market seconds elapsed since the sim started (virtual) or since it started today (wall).</summary>
    public double ElapsedSeconds => (time.GetElapsedTime(startedAt) * (wall ? 1 : speed)).TotalSeconds;

    private bool IsTradingDay => !wall || Calendar.IsTradingDay(DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Kst).DateTime));
}
