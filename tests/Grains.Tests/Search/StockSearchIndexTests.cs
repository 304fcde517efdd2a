using Gslts.Grains.Interfaces.Search;
using Gslts.Grains.Search;

namespace Gslts.Grains.Tests.Search;

public sealed class StockSearchIndexTests
{
    private static readonly StockSearchIndex Index = new(
    [
        new("005930", "삼성전자", "Samsung Electronics", "KOSPI", "반도체"),
        new("005935", "삼성전자우", "Samsung Electronics (Preferred)", "KOSPI", "반도체"),
        new("009150", "삼성전기", "Samsung Electro-Mechanics", "KOSPI", "전자부품"),
        new("000660", "SK하이닉스", "SK hynix", "KOSPI", "반도체"),
        new("035420", "NAVER", "NAVER", "KOSPI", "IT"),
        new("900001", "한빛전자", null, "KOSDAQ", "전자부품"),
    ]);

    private static readonly Dictionary<string, long> Values = new() { ["005930"] = 900, ["009150"] = 50, ["005935"] = 100 };

    [Fact]
    public void Initials_of_a_korean_name_are_its_choseong_and_other_characters_pass_lowered()
    {
        Assert.Equal("ㅅㅅㅈㅈ", KoreanInitials.Of("삼성전자"));
        Assert.Equal("skㅎㅇㄴㅅ", KoreanInitials.Of("SK하이닉스"));
        Assert.True(KoreanInitials.IsInitialsQuery("ㅅㅅㅈㅈ"));
        Assert.False(KoreanInitials.IsInitialsQuery("삼ㅅ"));
    }

    [Fact]
    public void A_choseong_query_finds_names_by_their_initials_prefix_first_then_ordered_by_trading_value()
    {
        var hits = Index.Find("ㅅㅅㅈ", 10, Values);

        Assert.Equal(["005930", "005935", "009150"], hits.Select(h => h.Code));
        Assert.All(hits, h => Assert.Equal(SearchMatch.InitialsPrefix, h.Match));
        Assert.Equal(["005930"], Index.Find("ㅅㅅㅈㅈ", 1, Values).Select(h => h.Code));
        Assert.Equal(["000660"], Index.Find("ㅎㅇㄴㅅ", 10, Values).Select(h => h.Code));
    }

    [Fact]
    public void Exact_code_beats_a_code_prefix_and_a_name_beats_what_only_contains_it()
    {
        Assert.Equal([("005930", SearchMatch.Code)], Index.Find("005930", 10, Values).Select(h => (h.Code, h.Match)));
        Assert.Equal(["005930", "005935"], Index.Find("00593", 10, Values).Select(h => h.Code));
        Assert.Equal([("005930", SearchMatch.Name), ("005935", SearchMatch.NamePrefix)], Index.Find("삼성전자", 10, Values).Select(h => (h.Code, h.Match)));
        Assert.Equal([("900001", SearchMatch.NameContains)], Index.Find("빛전", 10, Values).Select(h => (h.Code, h.Match)));
    }

    [Fact]
    public void Syllables_and_initials_mixed_match_position_by_position()
    {
        Assert.Equal(["005930", "005935", "009150"], Index.Find("삼성ㅈ", 10, Values).Select(h => h.Code));
        Assert.Empty(Index.Find("삼ㄱ", 10, Values));
    }

    [Fact]
    public void English_names_match_without_case_spaces_or_punctuation()
    {
        Assert.Equal(["005930", "005935", "009150"], Index.Find("samsung", 10, Values).Select(h => h.Code));
        Assert.Equal([("000660", SearchMatch.EnglishPrefix)], Index.Find("SK Hynix", 10, Values).Select(h => (h.Code, h.Match)));
        Assert.Equal([("009150", SearchMatch.EnglishContains)], Index.Find("electro-mech", 10, Values).Select(h => (h.Code, h.Match)));
        Assert.Equal([("035420", SearchMatch.Name)], Index.Find("naver", 10, Values).Select(h => (h.Code, h.Match)));
    }

    [Fact]
    public void A_blank_query_or_no_room_finds_nothing_and_the_limit_cuts_the_list()
    {
        Assert.Empty(Index.Find("   ", 10, Values));
        Assert.Empty(Index.Find("삼성", 0, Values));
        Assert.Single(Index.Find("삼성", 1, Values));
    }

    [SharedDataFact]
    public void Every_english_name_belongs_to_a_code_krx_lists()
    {
        var listing = File.ReadLines(Path.Combine(SharedData.Folder!, "kr", "listing.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1]);
        var unknown = EnglishNames.All.Keys.Where(code => !listing.ContainsKey(code)).ToList();
        Assert.Empty(unknown);
        Assert.Equal("삼성전자", listing["005930"]);
    }
}
