using Gslts.Grains.Interfaces.Ranking;

namespace Gslts.Grains.Ranking;

/// <summary>The day's stored 10-minute snapshots of the market-wide top 50.</summary>
[GenerateSerializer]
public sealed record RankingState
{
    [Id(0)] public DateOnly TradingDate { get; init; }
    [Id(1)] public List<TopList> Snapshots { get; init; } = [];
}
