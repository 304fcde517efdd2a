namespace Gslts.Grains.Interfaces.Ranking;

/// <summary>
/// The exchange's own 거래대금 ranking (ka10032: every market, KRX, managed stocks included), as the bridge took it:
/// highest first, at most the configured number of rows.
/// </summary>
/// <param name="AsOf">Market time of the query (the feed's latest exchange time when it was asked): every trade up to it is counted.</param>
[GenerateSerializer, Immutable]
public sealed record ExchangeRanking(
    [property: Id(0)] DateTimeOffset AsOf,
    [property: Id(1)] IReadOnlyList<ExchangeRow> Rows)
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    /// <summary>The KRX trading date of the query (its KST date).</summary>
    public DateOnly TradingDate => DateOnly.FromDateTime(AsOf.ToOffset(Kst).DateTime);
}

/// <summary>One stock of the exchange's ranking; <paramref name="Market"/> and <paramref name="Sector"/> from the stock master (null when it could not be read).</summary>
/// <param name="ChangeRate">Change vs the base price in percent (1.25 = +1.25%).</param>
/// <param name="TradingValue">The day's 거래대금 in won, as Kiwoom gives it: truncated to the million.</param>
[GenerateSerializer, Immutable]
public sealed record ExchangeRow(
    [property: Id(0)] string Code,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? Market,
    [property: Id(3)] string? Sector,
    [property: Id(4)] long Price,
    [property: Id(5)] decimal ChangeRate,
    [property: Id(6)] long Volume,
    [property: Id(7)] long TradingValue);
