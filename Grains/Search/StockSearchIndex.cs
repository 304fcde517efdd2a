using Gslts.Grains.Interfaces.Search;

namespace Gslts.Grains.Search;

/// <summary>One stock as the search sees it.</summary>
public sealed record SearchEntry(string Code, string Name, string? EnglishName, string Market, string Sector);

/// <summary>
/// Finds stocks by code, Korean name, 초성 (or syllables and initials mixed: 삼성ㅈ) and English name. Hits are ordered
/// by how they matched (<see cref="SearchMatch"/>), then by the day's 거래대금, then by code. Plain state, no I/O.
/// </summary>
public sealed class StockSearchIndex
{
    private readonly Item[] items;

    public StockSearchIndex(IEnumerable<SearchEntry> entries) =>
        items = [.. entries.Select(e => new Item(e, e.Name.ToLowerInvariant(), KoreanInitials.Of(e.Name), Compact(e.EnglishName)))];

    public int Count => items.Length;

    public IReadOnlyList<StockSearchHit> Find(string query, int limit, IReadOnlyDictionary<string, long> tradingValues)
    {
        var q = query.Trim().ToLowerInvariant();
        if (q.Length == 0 || limit <= 0) return [];
        var english = Compact(q);
        var initialsOnly = KoreanInitials.IsInitialsQuery(q);
        var mixed = !initialsOnly && q.Any(KoreanInitials.IsInitial);
        var hits = new List<(SearchMatch Match, long Value, Item Item)>();
        foreach (var item in items)
        {
            if (MatchOf(item, q, english, initialsOnly, mixed) is { } match) hits.Add((match, tradingValues.GetValueOrDefault(item.Entry.Code), item));
        }

        return [.. hits
            .OrderBy(h => h.Match).ThenByDescending(h => h.Value).ThenBy(h => h.Item.Entry.Code, StringComparer.Ordinal)
            .Take(limit)
            .Select(h => new StockSearchHit(h.Item.Entry.Code, h.Item.Entry.Name, h.Item.Entry.EnglishName, h.Item.Entry.Market, h.Item.Entry.Sector, h.Value, h.Match))];
    }

    private static SearchMatch? MatchOf(Item item, string q, string english, bool initialsOnly, bool mixed)
    {
        var code = item.Entry.Code;
        if (code == q) return SearchMatch.Code;
        if (code.StartsWith(q, StringComparison.Ordinal)) return SearchMatch.CodePrefix;
        if (item.Name == q) return SearchMatch.Name;
        if (item.Name.StartsWith(q, StringComparison.Ordinal)) return SearchMatch.NamePrefix;
        if (item.Name.Contains(q, StringComparison.Ordinal)) return SearchMatch.NameContains;
        if (initialsOnly && item.Initials.StartsWith(q, StringComparison.Ordinal)) return SearchMatch.InitialsPrefix;
        if (mixed && KoreanInitials.StartsWithMixed(item.Name, q)) return SearchMatch.InitialsPrefix;
        if (initialsOnly && item.Initials.Contains(q, StringComparison.Ordinal)) return SearchMatch.InitialsContains;
        if (english.Length > 0 && item.English.Length > 0)
        {
            if (item.English.StartsWith(english, StringComparison.Ordinal)) return SearchMatch.EnglishPrefix;
            if (item.English.Contains(english, StringComparison.Ordinal)) return SearchMatch.EnglishContains;
        }

        return null;
    }

    /// <summary>Lower-case letters and digits only: "SK hynix" and "skhynix" find each other.</summary>
    private static string Compact(string? text) =>
        text is null ? "" : new string([.. text.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)]);

    private sealed record Item(SearchEntry Entry, string Name, string Initials, string English);
}
