namespace Gslts.KiwoomBridge.Rest;

/// <summary>Which of Kiwoom's per-app-key budgets a call spends.</summary>
public enum CallKind
{
    Query,
    Order,

    /// <summary>A query that can wait (a periodic refresh): it spends the query budget only where no other query wants it.</summary>
    Background,
}

/// <summary>
/// Keeps calls inside Kiwoom's per-app-key budgets: at most N calls in any window of 1.2 seconds, queries and orders
/// counted apart. Callers wait for a free slot instead of earning a 1700. A background query yields: it waits while any
/// other query waits, and never takes a window's last free slot (with a budget above one), so a query that arrives
/// meanwhile — a backfill of missed trades — finds one at once.
/// </summary>
public sealed class KiwoomRateLimiter(TimeProvider time, int queriesPerSecond, int ordersPerSecond)
{
    // Kiwoom counts calls by their arrival, which drifts from when they were sent (a busy host, the network): a window a
    // little longer than a second keeps a late call of one second from landing among the next second's.
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1_200);
    // How often a background query looks again while other queries are waiting.
    private static readonly TimeSpan BackgroundPoll = TimeSpan.FromMilliseconds(50);
    private readonly Queue<long>[] windows = [new(), new()];
    private readonly SemaphoreSlim[] gates = [new(1, 1), new(1, 1)];
    private int queriesWaiting;

    public async Task AcquireAsync(CallKind kind, CancellationToken cancellationToken)
    {
        if (kind == CallKind.Background)
        {
            await AcquireBackgroundAsync(cancellationToken);
            return;
        }

        var slot = kind == CallKind.Order ? 1 : 0;
        var limit = kind == CallKind.Order ? ordersPerSecond : queriesPerSecond;
        var window = windows[slot];
        var gate = gates[slot];
        if (kind == CallKind.Query) Interlocked.Increment(ref queriesWaiting);
        try
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                while (true)
                {
                    var now = time.GetTimestamp();
                    Prune(window, now);
                    if (window.Count < limit)
                    {
                        window.Enqueue(now);
                        return;
                    }

                    await Task.Delay(Window - time.GetElapsedTime(window.Peek(), now), time, cancellationToken);
                }
            }
            finally
            {
                gate.Release();
            }
        }
        finally
        {
            if (kind == CallKind.Query) Interlocked.Decrement(ref queriesWaiting);
        }
    }

    private async Task AcquireBackgroundAsync(CancellationToken cancellationToken)
    {
        var (window, gate) = (windows[0], gates[0]);
        var usable = queriesPerSecond > 1 ? queriesPerSecond - 1 : queriesPerSecond;
        while (true)
        {
            TimeSpan wait;
            await gate.WaitAsync(cancellationToken);
            try
            {
                var now = time.GetTimestamp();
                Prune(window, now);
                if (Volatile.Read(ref queriesWaiting) == 0 && window.Count < usable)
                {
                    window.Enqueue(now);
                    return;
                }

                // Full: until its oldest call leaves the window; otherwise other queries are waiting, so look again soon.
                wait = window.Count >= usable ? Window - time.GetElapsedTime(window.Peek(), now) : BackgroundPoll;
            }
            finally
            {
                gate.Release();
            }

            await Task.Delay(wait > BackgroundPoll ? wait : BackgroundPoll, time, cancellationToken);
        }
    }

    private void Prune(Queue<long> window, long now)
    {
        while (window.Count > 0 && time.GetElapsedTime(window.Peek(), now) >= Window) window.Dequeue();
    }
}
