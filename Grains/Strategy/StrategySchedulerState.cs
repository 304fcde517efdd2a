namespace Gslts.Grains.Strategy;

/// <summary>The last trading date the scheduler built a plan for.</summary>
[GenerateSerializer]
public sealed record StrategySchedulerState
{
    [Id(0)] public DateOnly? LastBuilt { get; init; }
}
