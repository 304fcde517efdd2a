namespace Gslts.KiwoomBridge.Realtime;

/// <summary>
/// The market's session as Kiwoom's 0s (장시작시간) last told it: the 215 code (장운영구분), its meaning, the exchange's
/// time of the change and, before the open, the time left to it.
/// </summary>
public sealed record MarketSession(string Code, string Meaning, TimeOnly Time, TimeSpan UntilOpen)
{
    /// <summary>Kiwoom's 215 codes for the stock market (the futures and options codes are not sent for stocks).</summary>
    public static readonly IReadOnlyDictionary<string, string> Meanings = new Dictionary<string, string>
    {
        ["0"] = "장시작전",
        ["3"] = "장시작",
        ["2"] = "장마감전 동시호가",
        ["4"] = "장마감",
        ["8"] = "정규장마감",
        ["9"] = "전체장마감",
        ["a"] = "시간외 종가매매 시작",
        ["b"] = "시간외 종가매매 종료",
        ["c"] = "시간외 단일가 시작",
        ["d"] = "시간외 단일가 종료",
        ["P"] = "NXT 프리마켓 시작",
        ["Q"] = "NXT 프리마켓 종료",
        ["R"] = "NXT 메인마켓 시작",
        ["S"] = "NXT 메인마켓 종료",
        ["T"] = "NXT 애프터마켓 단일가 시작",
        ["U"] = "NXT 애프터마켓 시작",
        ["V"] = "NXT 애프터마켓 종료",
    };

    /// <summary>One 0s item's values, or the reason it cannot be read.</summary>
    public static (MarketSession? Session, string? Rejection) Parse(RealValues values)
    {
        var code = values.Text(215).Trim();
        if (code.Length == 0 || values.Time(20) is not { } time) return (null, "0s lacks a session code (215) or time (20)");
        var untilOpen = values.Time(214) is { } left ? left.ToTimeSpan() : TimeSpan.Zero;
        return (new MarketSession(code, Meanings.GetValueOrDefault(code, "알 수 없음"), time, untilOpen), null);
    }
}
