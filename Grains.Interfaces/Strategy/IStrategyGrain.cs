namespace Gslts.Grains.Interfaces.Strategy;

/// <summary>
/// The plans of one KRX trading date, keyed by the date as "yyyy-MM-dd" (see <see cref="StrategyDates"/>): the morning
/// plan, a record built once from what was known before the date and kept as built, and the revisions asked for later.
/// </summary>
public interface IStrategyGrain : IGrainWithStringKey
{
    /// <summary>
    /// The morning plan: the stored one when it exists (never rebuilt), else built now from what is known before the date
    /// (last night's US closes, the previous session's trading values, daily bars before the date) and stored. Builds
    /// nothing and says why before the date's build time, or while the US night or the previous session's values are not
    /// all in, unless <paramref name="evenIfIncomplete"/> (the scheduler, after waiting long enough).
    /// </summary>
    Task<MorningBuild> BuildMorningPlan(bool evenIfIncomplete);

    /// <summary>Builds the plan again now from what the grains hold (the day's own trading values included) and stores it as the next revision beside the morning plan.</summary>
    Task<StrategyPlan> Revise();

    /// <summary>The morning plan; null when none was built for the date.</summary>
    Task<StrategyPlan?> Get();

    /// <summary>The revisions, oldest first (the newest <c>MaxRevisions</c> are kept).</summary>
    Task<IReadOnlyList<StrategyPlan>> GetRevisions();
}

/// <summary>What asking for the morning plan gave: the plan, or why it is not built yet and when to ask again.</summary>
/// <param name="Waiting">Why nothing was built (Korean, for the trader); null when <paramref name="Plan"/> is set.</param>
[GenerateSerializer, Immutable]
public sealed record MorningBuild(
    [property: Id(0)] StrategyPlan? Plan,
    [property: Id(1)] string? Waiting,
    [property: Id(2)] TimeSpan RetryAfter);
