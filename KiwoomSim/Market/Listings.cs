namespace Gslts.KiwoomSim.Market;

/// <summary>The large caps of the design's sector map, with plausible base prices on valid ticks.</summary>
public static class Listings
{
    public static IReadOnlyList<Listing> LargeCaps { get; } =
    [
        new("005930", "삼성전자", "KOSPI", "반도체", 71_000),
        new("000660", "SK하이닉스", "KOSPI", "반도체", 198_000),
        new("035420", "NAVER", "KOSPI", "IT", 215_000),
        new("105560", "KB금융", "KOSPI", "금융", 82_500),
        new("055550", "신한지주", "KOSPI", "금융", 52_300),
        new("096770", "SK이노베이션", "KOSPI", "에너지", 112_600),
        new("010950", "S-Oil", "KOSPI", "정유", 61_200),
        new("207940", "삼성바이오로직스", "KOSPI", "바이오", 1_021_000),
        new("068270", "셀트리온", "KOSPI", "제약", 178_300),
        new("329180", "HD현대중공업", "KOSPI", "산업재", 295_500),
        new("000150", "두산", "KOSPI", "산업재", 287_000),
        new("097950", "CJ제일제당", "KOSPI", "필수소비재", 268_500),
        new("271560", "오리온", "KOSPI", "필수소비재", 98_700),
        new("005380", "현대차", "KOSPI", "자동차", 214_500),
        new("023530", "롯데쇼핑", "KOSPI", "유통", 61_900),
        new("015760", "한국전력", "KOSPI", "유틸리티", 24_350),
        new("036460", "한국가스공사", "KOSPI", "유틸리티", 38_150),
        new("051910", "LG화학", "KOSPI", "화학", 312_000),
        new("003670", "포스코퓨처엠", "KOSPI", "소재", 135_400),
        new("330590", "롯데리츠", "KOSPI", "부동산", 3_985),
        new("293940", "신한알파리츠", "KOSPI", "부동산", 6_180),
        new("017670", "SK텔레콤", "KOSPI", "통신", 55_400),
        new("030200", "KT", "KOSPI", "통신", 41_250),
    ];
}
