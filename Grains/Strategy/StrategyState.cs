using Gslts.Grains.Interfaces.Strategy;

namespace Gslts.Grains.Strategy;

/// <summary>The plan stored for one trading date.</summary>
[GenerateSerializer]
public sealed record StrategyState
{
    [Id(0)] public StrategyPlan? Plan { get; init; }
}
