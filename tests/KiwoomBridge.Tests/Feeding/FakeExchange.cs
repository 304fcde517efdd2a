using Gslts.Grains.Interfaces.Stocks;
using Gslts.KiwoomBridge.Feeding;

namespace Gslts.KiwoomBridge.Tests.Feeding;

/// <summary>Kiwoom's tape (ka10079) and day volume (ka10001) for the stocks whose prints a test keeps; it can be out of reach.</summary>
internal sealed class FakeExchange : ITradeHistory
{
    public Dictionary<string, Prints> Days { get; } = [];
    public bool Broken { get; set; }
    public int TapeReads;
    public int VolumeQueries;

    public Task<Tick[]> TradesAsync(TapeRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref TapeReads);
        if (Broken) throw new TapeMismatchException("the tape is out of reach");
        var tape = Days[request.Code].Tape();
        return Task.FromResult(TapeGap.FromAnchor(request.Code, request.Date, tape, request.After, request.From, request.To)
            ?? TapeGap.FromDay(request.Code, request.Date, tape, request.From, request.To));
    }

    public Task<long> DayVolumeAsync(string code, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref VolumeQueries);
        return Task.FromResult(Days[code].Volume);
    }

    public async IAsyncEnumerable<(string Code, long Volume)> DayVolumesAsync(IReadOnlyCollection<string> codes,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var code in codes)
        {
            if (Days.ContainsKey(code)) yield return (code, await DayVolumeAsync(code, cancellationToken));
        }
    }
}
