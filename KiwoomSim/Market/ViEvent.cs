using Gslts.KiwoomSim.Matching;

namespace Gslts.KiwoomSim.Market;

/// <summary>
/// A VI set off (<paramref name="Released"/> false) or released: what Kiwoom's 1h message tells. At the trigger
/// <paramref name="ReleaseAt"/> is when the call auction is due to end; at the release it is when it ended.
/// </summary>
/// <param name="Count">VIs of this stock today, this one included (VI발동횟수).</param>
public sealed record ViEvent(
    Listing Listing, ViTrigger Trigger, bool Released, TimeOnly TriggeredAt, TimeOnly ReleaseAt, int Count, long Volume, long TradingValue);
