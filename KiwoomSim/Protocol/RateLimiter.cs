using System.Collections.Concurrent;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>Calls per second per app key and rate class, in fixed one-second windows (Kiwoom answers 1700 past it).</summary>
public sealed class RateLimiter(TimeProvider time, Func<RateClass, int> limitOf)
{
    private readonly ConcurrentDictionary<(string AppKey, RateClass Rate), Window> windows = new();

    public bool TryAcquire(string appKey, RateClass rate)
    {
        if (rate == RateClass.None) return true;
        var second = time.GetUtcNow().ToUnixTimeSeconds();
        var window = windows.GetOrAdd((appKey, rate), _ => new Window());
        lock (window)
        {
            if (window.Second != second) (window.Second, window.Count) = (second, 0);
            if (window.Count >= limitOf(rate)) return false;
            window.Count++;
            return true;
        }
    }

    private sealed class Window
    {
        public long Second;
        public int Count;
    }
}
