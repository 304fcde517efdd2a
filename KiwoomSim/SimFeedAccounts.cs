namespace Gslts.KiwoomSim;

/// <summary>
/// The sim's market-data accounts: like Kiwoom, one real-time session per app key holds at most
/// <see cref="SimOptions.CodesPerSession"/> codes, so collecting the whole market takes an app key per that many codes.
/// The sim issues them itself; their keys are the sim's, known to anyone, and good for nothing but the sim.
/// </summary>
public static class SimFeedAccounts
{
    /// <summary>The most feed accounts the sim issues.</summary>
    public const int Max = 1_000;

    /// <summary>
    /// <see cref="SimOptions.FeedAccounts"/> (kept within 0–<see cref="Max"/>; validation names a value outside), or by
    /// default enough for every listing beside one account's session (2,500 listings at 100 codes a session: 24); none
    /// when sessions are uncapped.
    /// </summary>
    public static int CountFor(SimOptions options) => Math.Clamp(options.FeedAccounts
        ?? (options.CodesPerSession > 0 ? (options.Listings + options.CodesPerSession - 1) / options.CodesPerSession - 1 : 0), 0, Max);

    /// <summary>The feed accounts of <paramref name="options"/>, numbered from 1.</summary>
    public static IReadOnlyList<SimAccount> For(SimOptions options) =>
    [
        .. Enumerable.Range(1, CountFor(options)).Select(i => new SimAccount
        {
            AppKey = $"gslts-sim-feed-{i:000}-key",
            SecretKey = $"gslts-sim-feed-{i:000}-secret",
            AccountNo = $"5900{i:0000}",
        }),
    ];
}
