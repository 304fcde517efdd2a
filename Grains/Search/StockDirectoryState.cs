using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.Grains.Search;

/// <summary>The stock master as last loaded.</summary>
[GenerateSerializer]
public sealed record StockDirectoryState
{
    [Id(0)] public StockListing[] Listings { get; init; } = [];
}
