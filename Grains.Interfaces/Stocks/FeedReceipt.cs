namespace Gslts.Grains.Interfaces.Stocks;

/// <summary>
/// How far a stock grain has the day, counted in the exchange's cumulative day volume (Kiwoom <c>0B</c> field 13):
/// every trade up to <see cref="Applied"/> is applied, and up to <see cref="Persisted"/> also stored. The feed keeps
/// what lies above <see cref="Persisted"/> so a grain that lost its memory can be given it again.
/// </summary>
/// <param name="LastTradeTime">Time of the last trade applied: a gap's trades are no older, so a backfill reads back to it.</param>
[GenerateSerializer, Immutable]
public sealed record FeedReceipt(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] long Applied,
    [property: Id(2)] long Persisted,
    [property: Id(3)] DateTimeOffset? LastTradeTime = null);
