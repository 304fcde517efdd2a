using System.Collections.Concurrent;

namespace Gslts.KiwoomSim.Market;

/// <summary>When one trade of the probed stock left the exchange: its day volume after it and the wall clock (Unix ms).</summary>
public readonly record struct ProbedPrint(long Volume, long PrintedAtMs);

/// <summary>
/// Ground truth for latency benchmarks: for one stock a benchmark names, the wall-clock moment each of its trades was
/// handed to the real-time sessions (Kiwoom's 0B time has whole seconds only). Off until asked; at most the newest
/// <see cref="Capacity"/> prints are kept.
/// </summary>
public sealed class PrintProbe(TimeProvider time)
{
    public const int Capacity = 200_000;
    private readonly ConcurrentQueue<ProbedPrint> prints = new();
    private volatile string? code;

    public string? Code => code;

    public void Start(string probed)
    {
        prints.Clear();
        code = probed;
    }

    /// <summary>Called as the step's trades are sent: one wall-clock read for the step.</summary>
    public void Sent(IReadOnlyList<SimTrade> trades)
    {
        if (code is not { } probed) return;
        var at = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var trade in trades)
        {
            if (trade.Code != probed) continue;
            prints.Enqueue(new ProbedPrint(trade.Volume, at));
            if (prints.Count > Capacity) prints.TryDequeue(out _);
        }
    }

    public ProbedPrint[] Prints => [.. prints];
}
