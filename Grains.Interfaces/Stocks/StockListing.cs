namespace Gslts.Grains.Interfaces.Stocks;

/// <summary>A stock as the broker's stock master (ka10099) lists it.</summary>
/// <param name="Market">KOSPI or KOSDAQ.</param>
/// <param name="Sector">The broker's industry name (업종), e.g. 반도체.</param>
[GenerateSerializer, Immutable]
public sealed record StockListing(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string Market,
    [property: Id(3)] string Sector,
    [property: Id(4)] long PreviousClose);
