using Gslts.Grains.Interfaces.Strategy;

namespace Gslts.Grains.Strategy;

/// <summary>The plans stored for one trading date: the morning plan and the revisions after it.</summary>
[GenerateSerializer]
public sealed record StrategyState
{
    [Id(0)] public StrategyPlan? Plan { get; init; }

    [Id(1)] public List<StrategyPlan> Revisions { get; init; } = [];
}
