namespace Gslts.KiwoomBridge.Feeding;

/// <summary>
/// Bound from <c>Gslts:Kiwoom:Journal</c>: how much of the feed the bridge holds for its grains (trades not yet stored,
/// and frames not yet taken), where the excess goes, and when /healthz calls it Degraded.
/// </summary>
public sealed class JournalOptions
{
    /// <summary>Trades held in memory over all stocks; past it the oldest ones a grain can do without go to disk.</summary>
    public int MemoryTrades { get; set; } = 1_000_000;

    /// <summary>Where trades go past <see cref="MemoryTrades"/> (relative to the working directory); a folder per bridge, removed at stop.</summary>
    public string Folder { get; set; } = Path.Combine("data", "journal");

    /// <summary>Disk the spilled trades may take. Past it (or with twice <see cref="MemoryTrades"/> held) the socket is no longer read until storage catches up.</summary>
    public long DiskBytes { get; set; } = 8L << 30;

    /// <summary>Trades (and books) posted by the socket and not yet taken by the feeder's loop; past it the socket waits.</summary>
    public int InboxTrades { get; set; } = 200_000;

    /// <summary>/healthz is Degraded once the oldest trade not yet stored is older than this (normally about a second).</summary>
    public TimeSpan DegradedAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>/healthz is Degraded once more trades than this are not yet stored (memory and disk).</summary>
    public long DegradedTrades { get; set; } = 1_000_000;
}
