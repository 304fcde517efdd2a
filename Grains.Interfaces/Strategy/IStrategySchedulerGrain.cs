namespace Gslts.Grains.Interfaces.Strategy;

/// <summary>Builds each KRX trading day's plan at the configured time (KST) from a reminder; one per market, key "KRX".</summary>
public interface IStrategySchedulerGrain : IGrainWithStringKey
{
    public const string Krx = "KRX";

    /// <summary>Registers the reminder (idempotent) and builds today's plan at once if its time has passed and it was not built.</summary>
    Task Start();

    /// <summary>The last date the scheduler built a plan for; null before the first.</summary>
    Task<DateOnly?> GetLastBuilt();
}
