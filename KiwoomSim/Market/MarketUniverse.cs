using System.Globalization;

namespace Gslts.KiwoomSim.Market;

/// <summary>
/// The sim's whole market: the real large caps (code, name, market, sector, and a day range fitted to each one's 2024
/// days, from large-caps.csv) and synthetic
/// listings up to the requested size. Deterministic: the same seed gives the same market.
/// </summary>
public static class MarketUniverse
{
    public const int DefaultSize = 2_500;

    /// <summary>About a third of KRX listings are on KOSPI.</summary>
    private const double KospiShare = 0.34;

    private static readonly string[] Prefixes =
    [
        "한빛", "대성", "세진", "동양", "미래", "우진", "태광", "대한", "신성", "성우", "한솔", "아진", "유니", "에이스", "코리아",
        "나노", "케이", "제일", "삼화", "동원", "광명", "진흥", "상신", "하이", "그린", "새롬", "보성", "청호", "금강", "서한",
        "대원", "일진", "한양", "영진", "고려", "동화", "신화", "우리", "국제", "현성", "한국", "지엔", "엠씨", "에스티", "오성",
    ];

    private static readonly (string Sector, double Weight, string[] Suffixes)[] Sectors =
    [
        ("반도체", 0.12, ["반도체", "세미콘", "머티리얼즈", "테크"]),
        ("IT", 0.14, ["소프트", "정보통신", "시스템", "네트웍스", "디지털"]),
        ("바이오", 0.10, ["바이오", "바이오텍", "헬스케어", "메디칼"]),
        ("제약", 0.06, ["제약", "약품", "팜"]),
        ("산업재", 0.14, ["중공업", "기계", "건설", "엔지니어링", "산업"]),
        ("화학", 0.08, ["화학", "케미칼", "소재", "에너지솔루션"]),
        ("소재", 0.06, ["철강", "금속", "제강", "알루미늄"]),
        ("자동차", 0.06, ["모터스", "오토텍", "정공", "부품"]),
        ("금융", 0.06, ["증권", "캐피탈", "금융", "저축은행"]),
        ("필수소비재", 0.05, ["식품", "푸드", "제과", "생활건강"]),
        ("유통", 0.04, ["유통", "리테일", "상사"]),
        ("통신", 0.04, ["미디어", "엔터", "게임즈", "텔레콤"]),
        ("에너지", 0.02, ["에너지", "가스", "오일"]),
        ("정유", 0.01, ["정유", "석유"]),
        ("유틸리티", 0.01, ["전력", "도시가스"]),
        ("부동산", 0.01, ["리츠", "개발"]),
    ];

    public static IReadOnlyList<Listing> LargeCaps { get; } = ReadLargeCaps();

    public static IReadOnlyList<Listing> Create(int seed, int size = DefaultSize)
    {
        var random = new Random(seed);
        var listings = new List<Listing>(Math.Max(size, LargeCaps.Count));
        listings.AddRange(LargeCaps.Take(size));
        var codes = listings.Select(l => l.Code).ToHashSet();
        var names = listings.Select(l => l.Name).ToHashSet();
        while (listings.Count < size)
        {
            var code = $"{random.Next(8, 10)}{random.Next(0, 10_000):D4}0";
            if (!codes.Add(code)) continue;
            var (sector, suffixes) = PickSector(random);
            var name = Prefixes[random.Next(Prefixes.Length)] + suffixes[random.Next(suffixes.Length)];
            for (var n = 2; !names.Add(name); n++) name = $"{Prefixes[random.Next(Prefixes.Length)]}{suffixes[random.Next(suffixes.Length)]}{(n > 3 ? n.ToString(CultureInfo.InvariantCulture) : "")}";
            var kospi = random.NextDouble() < KospiShare;
            listings.Add(new Listing(code, name, kospi ? "KOSPI" : "KOSDAQ", sector, PreviousClose(random, kospi), Liquidity(random),
                DayRange(random, kospi)));
        }

        return listings;
    }

    private static (string Sector, string[] Suffixes) PickSector(Random random)
    {
        var u = random.NextDouble() * Sectors.Sum(s => s.Weight);
        foreach (var (sector, weight, suffixes) in Sectors)
        {
            if ((u -= weight) <= 0) return (sector, suffixes);
        }

        return (Sectors[^1].Sector, Sectors[^1].Suffixes);
    }

    /// <summary>Log-uniform between 1,000 and 150,000 won (KOSPI up to 400,000), on a valid tick.</summary>
    private static long PreviousClose(Random random, bool kospi)
    {
        var high = kospi ? 400_000 : 150_000;
        var price = (long)Math.Exp(Math.Log(1_000) + random.NextDouble() * (Math.Log(high) - Math.Log(1_000)));
        return TickSize.RoundDown(price);
    }

    /// <summary>Smaller names swing more than the large caps: 2.5–6% a day on KOSPI, 3–9% on KOSDAQ.</summary>
    private static double DayRange(Random random, bool kospi) =>
        Math.Round(kospi ? 2.5 + random.NextDouble() * 3.5 : 3 + random.NextDouble() * 6, 1);

    /// <summary>Pareto tail: most small names trade rarely, a few are as busy as a mid large cap.</summary>
    private static double Liquidity(Random random) => Math.Min(6, 0.02 * Math.Pow(1 - random.NextDouble(), -1 / 1.1));

    private static List<Listing> ReadLargeCaps()
    {
        using var stream = typeof(MarketUniverse).Assembly.GetManifestResourceStream("KiwoomSim/large-caps.csv")
            ?? throw new InvalidOperationException("large-caps.csv is missing from the KiwoomSim build.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var listings = new List<Listing>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(',');
            // The real KOSPI large caps stand for the KOSPI200 (its dynamic VI threshold is tighter).
            listings.Add(new Listing(f[0], f[1], f[2], f[3], long.Parse(f[4], CultureInfo.InvariantCulture),
                double.Parse(f[5], CultureInfo.InvariantCulture), double.Parse(f[6], CultureInfo.InvariantCulture), Kospi200: f[2] == "KOSPI"));
        }

        return listings;
    }
}
