namespace Gslts.Krx;

/// <summary>Where the regular KRX day is: before the opening auction, in an auction, continuous, or done.</summary>
public enum MarketPhase
{
    BeforeOpen,
    OpeningAuction,
    Continuous,
    ClosingAuction,
    Closed,
}

/// <summary>
/// The regular session's times (KST) as data: 08:30 opening call auction, 09:00 single-price open and continuous
/// trading, 15:20 closing call auction, 15:30 single-price close. Special days (10:00 opens, CSAT) are other instances.
/// </summary>
public sealed record KrxSessions(TimeOnly OpeningAuction, TimeOnly Open, TimeOnly ClosingAuction, TimeOnly Close)
{
    public static KrxSessions Regular { get; } = new(new(8, 30), new(9, 0), new(15, 20), new(15, 30));

    public MarketPhase PhaseAt(TimeOnly time) =>
        time < OpeningAuction ? MarketPhase.BeforeOpen
        : time < Open ? MarketPhase.OpeningAuction
        : time < ClosingAuction ? MarketPhase.Continuous
        : time < Close ? MarketPhase.ClosingAuction
        : MarketPhase.Closed;

    public static bool Accepts(MarketPhase phase) => phase is MarketPhase.OpeningAuction or MarketPhase.Continuous or MarketPhase.ClosingAuction;
}
