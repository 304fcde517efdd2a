namespace Gslts.KiwoomBridge.Rest;

/// <summary>Which of Kiwoom's per-app-key budgets a call spends.</summary>
public enum CallKind
{
    Query,
    Order,
}

/// <summary>
/// Keeps calls inside Kiwoom's per-app-key budgets: at most N calls in any window of 1.2 seconds, queries and orders
/// counted apart. Callers wait for a free slot instead of earning a 1700.
/// </summary>
public sealed class KiwoomRateLimiter(TimeProvider time, int queriesPerSecond, int ordersPerSecond)
{
    // Kiwoom counts calls by their arrival, which drifts from when they were sent (a busy host, the network): a window a
    // little longer than a second keeps a late call of one second from landing among the next second's.
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1_200);
    private readonly Queue<long>[] windows = [new(), new()];
    private readonly SemaphoreSlim[] gates = [new(1, 1), new(1, 1)];

    public async Task AcquireAsync(CallKind kind, CancellationToken cancellationToken)
    {
        var limit = kind == CallKind.Order ? ordersPerSecond : queriesPerSecond;
        var window = windows[(int)kind];
        var gate = gates[(int)kind];
        await gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var now = time.GetTimestamp();
                while (window.Count > 0 && time.GetElapsedTime(window.Peek(), now) >= Window) window.Dequeue();
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
}
