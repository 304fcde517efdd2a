namespace Gslts.KiwoomBridge.Feeding;

/// <summary>How the feed's journal stands: normal, behind (storage slow or away), or full (the socket waits for storage).</summary>
public enum JournalState
{
    Normal,
    Degraded,
    Full,
}

/// <summary>
/// The trades the bridge holds for its grains at the feeder's last beat (every 250 ms): waiting, or applied but not yet
/// stored, in memory and spilled to disk; the age of the oldest of them; and frames posted but not yet taken.
/// </summary>
/// <param name="PeakInMemory">The most trades held in memory at once since the bridge started.</param>
/// <param name="SocketWaits">How often a socket's receive loop has waited for room (inbox or journal full).</param>
/// <param name="Summary">One line for /healthz and the logs, the reason first when not normal.</param>
public sealed record JournalStatus(
    long Trades, long InMemory, long OnDisk, long DiskBytes, TimeSpan OldestAge, long Inbox, long PeakInMemory, long SocketWaits,
    JournalState State, string Summary)
{
    public static readonly JournalStatus Empty = new(0, 0, 0, 0, TimeSpan.Zero, 0, 0, 0, JournalState.Normal, "no trade held");
}
