using Gslts.Grains.Interfaces.Market;

namespace Gslts.Grains.Market;

/// <summary>The last 0s the bridge reported (kept so a restarted silo still knows today's session).</summary>
[GenerateSerializer]
public sealed record MarketSessionState([property: Id(0)] MarketSessionReport? Last = null);
