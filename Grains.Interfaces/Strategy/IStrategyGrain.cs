namespace Gslts.Grains.Interfaces.Strategy;

/// <summary>The morning plan of one KRX trading date, keyed by the date as "yyyy-MM-dd" (see <see cref="StrategyDates"/>).</summary>
public interface IStrategyGrain : IGrainWithStringKey
{
    /// <summary>Builds the plan from what the US sector, Korean sector and stock grains hold now, stores it and returns it (rebuilds when called again).</summary>
    Task<StrategyPlan> Build();

    /// <summary>The stored plan; null when none was built for the date.</summary>
    Task<StrategyPlan?> Get();
}
