using System.Diagnostics;

namespace Gslts.TestSupport;

/// <summary>
/// The wall clock, which a test can move ahead (<see cref="Advance"/>): whatever reads the time sees the jump at once.
/// Timers still run in real time, so a host's own timers (a grain's flush, a silo's housekeeping) go on as usual;
/// only what compares times (a lease, an age) is driven by the test.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long aheadTicks;

    public TimeSpan Ahead => TimeSpan.FromTicks(Interlocked.Read(ref aheadTicks));

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref aheadTicks, by.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Ahead;

    public override long GetTimestamp() =>
        Stopwatch.GetTimestamp() + (long)(Interlocked.Read(ref aheadTicks) * (Stopwatch.Frequency / (double)TimeSpan.TicksPerSecond));
}
