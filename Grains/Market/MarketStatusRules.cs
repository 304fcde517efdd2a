using Gslts.Grains.Interfaces.Market;
using Gslts.Krx;

namespace Gslts.Grains.Market;

/// <summary>Turns the feed's last 0s, or the calendar when there is none for today, into the session the page shows.</summary>
public static class MarketStatusRules
{
    public static string LabelOf(MarketSessionKind session) => session switch
    {
        MarketSessionKind.PreOpen => "장 시작 전",
        MarketSessionKind.OpeningAuction or MarketSessionKind.ClosingAuction => "동시호가",
        MarketSessionKind.Open => "장중",
        MarketSessionKind.Closed => "장 마감",
        _ => "휴장",
    };

    /// <summary>The status at <paramref name="now"/>; a report older than today's KST date (by when it came in) is not today's.</summary>
    public static MarketStatus At(DateTimeOffset now, MarketSessionReport? report, KrxCalendar calendar, KrxSessions sessions)
    {
        var today = Kst.DateOf(now);
        if (report is not null && Kst.DateOf(report.ReceivedAt) == today)
        {
            var marketTime = Kst.On(today, report.ExchangeTime) + (now - report.ReceivedAt);
            var session = FromCode(report.Code, Kst.TimeOf(marketTime), sessions);
            return new MarketStatus(session, LabelOf(session), marketTime, Kst.On(today, report.ExchangeTime), "feed", report.Code);
        }

        var local = Kst.At(now);
        var byClock = !calendar.IsTradingDay(today) ? MarketSessionKind.Holiday : FromPhase(sessions.PhaseAt(Kst.TimeOf(now)));
        return new MarketStatus(byClock, LabelOf(byClock), local, null, "calendar", null);
    }

    /// <summary>Kiwoom's 215 codes: 0 before the open (the 08:30 auction by the clock), 3 open, 2 the closing auction, 4/8/9 closed.</summary>
    public static MarketSessionKind FromCode(string code, TimeOnly marketTime, KrxSessions sessions) => code switch
    {
        "0" => marketTime >= sessions.OpeningAuction ? MarketSessionKind.OpeningAuction : MarketSessionKind.PreOpen,
        "3" => MarketSessionKind.Open,
        "2" => MarketSessionKind.ClosingAuction,
        "4" or "8" or "9" or "a" or "b" or "c" or "d" => MarketSessionKind.Closed,
        // NXT's own sessions and codes not known: the regular session by the feed's clock.
        _ => FromPhase(sessions.PhaseAt(marketTime)),
    };

    private static MarketSessionKind FromPhase(MarketPhase phase) => phase switch
    {
        MarketPhase.BeforeOpen => MarketSessionKind.PreOpen,
        MarketPhase.OpeningAuction => MarketSessionKind.OpeningAuction,
        MarketPhase.Continuous => MarketSessionKind.Open,
        MarketPhase.ClosingAuction => MarketSessionKind.ClosingAuction,
        _ => MarketSessionKind.Closed,
    };
}
