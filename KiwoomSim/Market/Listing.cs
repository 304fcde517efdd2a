namespace Gslts.KiwoomSim.Market;

/// <summary>A listed stock as the sim knows it; <paramref name="PreviousClose"/> is the day's base price.</summary>
/// <param name="Liquidity">Relative share of the market's trades: a heavy tail, so a few names dominate 거래대금.</param>
/// <param name="DayRange">Its typical day range (high − low over the previous close), percent: how far its price wanders in a day.</param>
/// <param name="Kospi200">A KOSPI200 name: dynamic VI at the tighter threshold.</param>
public sealed record Listing(
    string Code, string Name, string Market, string Sector, long PreviousClose, double Liquidity = 1, double DayRange = 3, bool Kospi200 = false)
{
    /// <summary>Shares outstanding, sized so market cap follows liquidity (삼성전자 ≈ 7 billion shares).</summary>
    public long Shares => (long)(Liquidity * 5e12 / PreviousClose);
}
