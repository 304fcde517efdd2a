namespace Gslts.Grains.Interfaces.Strategy;

/// <summary>
/// The morning plan for one KRX trading date: last night's US sector moves, the Korean sectors expected strong and
/// weak, and the candidate stocks of the strong sectors by trading value.
/// </summary>
/// <param name="Market">SPY's last session before <see cref="Date"/>; null when unknown.</param>
/// <param name="UsSectors">The map's US sector ETFs with a known session, strongest first.</param>
/// <param name="StrongSectors">The Korean sectors of the strongest US sectors, strongest first.</param>
/// <param name="WeakSectors">The Korean sectors of the weakest US sectors ("expected weak"), weakest first.</param>
/// <param name="Candidates">The candidate stocks, rank 1 first.</param>
/// <param name="Notes">What a trader should know about the plan (Korean), e.g. that no history was available.</param>
/// <param name="Revision">0 for the morning plan (the record, built once from what was known before the date); 1, 2, … for
/// rebuilds asked for later, stored beside it and free to use the day's own trading values.</param>
[GenerateSerializer, Immutable]
public sealed record StrategyPlan(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] DateTimeOffset BuiltAt,
    [property: Id(2)] UsSectorMove? Market,
    [property: Id(3)] IReadOnlyList<UsSectorMove> UsSectors,
    [property: Id(4)] IReadOnlyList<SectorCall> StrongSectors,
    [property: Id(5)] IReadOnlyList<SectorCall> WeakSectors,
    [property: Id(6)] IReadOnlyList<StrategyCandidate> Candidates,
    [property: Id(7)] IReadOnlyList<string> Notes,
    [property: Id(8)] int Revision = 0)
{
    public bool IsMorningPlan => Revision == 0;
}

/// <summary>A US ETF's last session before the plan's date.</summary>
/// <param name="ChangeRate">Percent vs the session before, two decimals.</param>
[GenerateSerializer, Immutable]
public sealed record UsSectorMove(
    [property: Id(0)] string Symbol,
    [property: Id(1)] string Name,
    [property: Id(2)] DateOnly SessionDate,
    [property: Id(3)] decimal Close,
    [property: Id(4)] decimal ChangeRate);

/// <summary>A Korean sector the plan expects to follow its US sector today.</summary>
/// <param name="Signal">How the same signal did in the past (null where no history exists).</param>
[GenerateSerializer, Immutable]
public sealed record SectorCall(
    [property: Id(0)] string Name,
    [property: Id(1)] string Symbol,
    [property: Id(2)] decimal UsChangeRate,
    [property: Id(3)] SignalStats? Signal);

/// <summary>
/// The signal's record: over the past US sessions that moved the same way as today's (up for a strong sector, down for
/// a weak one), how the Korean sector's next trading day went, measured three ways a trader must not confuse.
/// </summary>
/// <param name="CloseToClose">Previous KRX close → the day's close: includes the overnight gap, which the opening
/// auction prices in before an 08:00 plan's first order can fill.</param>
/// <param name="OpenToClose">The day's open → its close: the part a trader buying at the open and selling at the close
/// could take; null where no member has opens.</param>
/// <param name="AfterCosts">The same round trip after commission on both sides and 증권거래세 on the sell.</param>
[GenerateSerializer, Immutable]
public sealed record SignalStats(
    [property: Id(0)] SignalReturn CloseToClose,
    [property: Id(1)] SignalReturn? OpenToClose,
    [property: Id(2)] SignalReturn? AfterCosts);

/// <summary>One way of measuring the signal's next days.</summary>
/// <param name="Label">What was measured, in Korean, as the page shows it.</param>
/// <param name="Days">Past signal days with a Korean next day measured this way.</param>
/// <param name="HitRate">Share of those days the sector's return went the signal's way (0..1).</param>
/// <param name="AverageReturn">Mean return of the sector (equal-weight over its members), percent.</param>
[GenerateSerializer, Immutable]
public sealed record SignalReturn(
    [property: Id(0)] string Label,
    [property: Id(1)] int Days,
    [property: Id(2)] double HitRate,
    [property: Id(3)] double AverageReturn);

/// <summary>A candidate stock of a strong sector.</summary>
/// <param name="Rank">1 = highest trading value among the candidates.</param>
/// <param name="TradingValue">거래대금 in won of <paramref name="TradingValueDate"/> (before the open: the previous session).</param>
/// <param name="InTopFraction">In the top fraction (20%) of the strong sectors' stocks by trading value; false when added to reach the minimum count.</param>
[GenerateSerializer, Immutable]
public sealed record StrategyCandidate(
    [property: Id(0)] int Rank,
    [property: Id(1)] string Code,
    [property: Id(2)] string Name,
    [property: Id(3)] string Sector,
    [property: Id(4)] long TradingValue,
    [property: Id(5)] DateOnly TradingValueDate,
    [property: Id(6)] bool InTopFraction);
