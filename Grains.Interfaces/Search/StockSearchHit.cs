using System.Text.Json.Serialization;

namespace Gslts.Grains.Interfaces.Search;

/// <summary>How a search hit matched, best first (named in JSON: "InitialsPrefix", not 5).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SearchMatch>))]
public enum SearchMatch
{
    Code,
    CodePrefix,
    Name,
    NamePrefix,
    NameContains,
    InitialsPrefix,
    InitialsContains,
    EnglishPrefix,
    EnglishContains,
}

/// <summary>One stock found by a search, with the day's 거래대금 that orders hits of the same kind.</summary>
[GenerateSerializer, Immutable]
public sealed record StockSearchHit(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string? EnglishName,
    [property: Id(3)] string Market,
    [property: Id(4)] string Sector,
    [property: Id(5)] long TradingValue,
    [property: Id(6)] SearchMatch Match);
