namespace Gslts.KiwoomSim.Market;

/// <summary>A listed stock as the sim knows it; <paramref name="PreviousClose"/> is the day's base price.</summary>
public sealed record Listing(string Code, string Name, string Market, string Sector, long PreviousClose);
