namespace Gslts.KiwoomBridge.Realtime;

/// <summary>
/// Which real-time connection holds which codes: codes in priority order (duplicates dropped), dealt round-robin over
/// as few connections as hold them (the first, the account's, always opens), each at most <c>perConnection</c> codes.
/// What no connection can hold is <see cref="Uncovered"/>.
/// </summary>
public sealed record FeedPlan(IReadOnlyList<IReadOnlyList<string>> Connections, IReadOnlyList<string> Uncovered)
{
    public int LiveCodes => Connections.Sum(c => c.Count);

    public static FeedPlan Spread(IEnumerable<string> codes, int connections, int perConnection)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(connections, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perConnection, 1);
        var distinct = codes.Distinct(StringComparer.Ordinal).ToList();
        var capacity = connections * perConnection;
        var live = distinct.Take(capacity).ToList();
        var used = Math.Max(1, (live.Count + perConnection - 1) / perConnection);
        // Round-robin, so the busiest stocks (first in priority) are shared out instead of loading the first socket.
        var lists = Enumerable.Range(0, used).Select(_ => new List<string>()).ToList();
        for (var i = 0; i < live.Count; i++) lists[i % used].Add(live[i]);
        return new FeedPlan([.. lists], distinct.Skip(capacity).ToList());
    }

    /// <summary>True when both plans hold the same codes on the same connections (nothing to re-register).</summary>
    public bool SameAs(FeedPlan other) =>
        Connections.Count == other.Connections.Count && Connections.Zip(other.Connections).All(p => p.First.SequenceEqual(p.Second));
}
