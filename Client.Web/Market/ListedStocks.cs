using System.Collections.Frozen;
using Gslts.Grains.Interfaces.Search;
using Microsoft.Extensions.Logging;

namespace Gslts.Client.Web.Market;

/// <summary>What the stock master says of a code a browser asks for.</summary>
public enum ListingStatus
{
    Listed,
    Unknown,

    /// <summary>No stock master is loaded yet (the bridge loads it at start): nothing can be told, retry soon.</summary>
    NotLoaded,
}

/// <summary>
/// This web node's copy of the stock master's codes (IStockDirectoryGrain), so that only listed stocks get a grain, a
/// stream subscription and a forwarder, and the check costs no grain call. A code it does not know fetches the codes
/// again when they are older than <see cref="MissRefresh"/>; a known code refreshes them in the background after
/// <see cref="HitRefresh"/>.
/// </summary>
public sealed class ListedStocks(IGrainFactory grains, TimeProvider clock, ILogger<ListedStocks> logger)
{
    // A listing added in the morning is known within seconds of its first request; a delisting within a minute.
    public static readonly TimeSpan MissRefresh = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan HitRefresh = TimeSpan.FromMinutes(1);

    public const string NotLoadedMessage = "The stock list is not loaded yet: retry in a few seconds.";

    private readonly Lock gate = new();
    private Known known = new(FrozenSet<string>.Empty, null);
    private Task<Known>? fetching;

    public static string UnknownMessage(string code) => $"Unknown stock code '{code}': it is not in the stock master.";

    public async Task<ListingStatus> CheckAsync(string code, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref known);
        if (current.Codes.Contains(code))
        {
            if (current.Age(clock) >= HitRefresh) _ = Refresh();
            return ListingStatus.Listed;
        }

        if (current.Age(clock) >= MissRefresh) current = await Refresh().WaitAsync(cancellationToken);
        return current.Codes.Contains(code) ? ListingStatus.Listed : current.Codes.Count == 0 ? ListingStatus.NotLoaded : ListingStatus.Unknown;
    }

    /// <summary>One fetch at a time, shared by every request that needs it.</summary>
    private Task<Known> Refresh()
    {
        lock (gate)
        {
            return fetching ??= FetchAsync();
        }
    }

    private async Task<Known> FetchAsync()
    {
        // Yields first, so the fetch is stored before it can finish and clear itself.
        await Task.Yield();
        try
        {
            var codes = await grains.GetGrain<IStockDirectoryGrain>(IStockDirectoryGrain.Krx).GetCodes();
            Volatile.Write(ref known, new Known(codes.ToFrozenSet(StringComparer.Ordinal), clock.GetTimestamp()));
        }
        catch (Exception e)
        {
            // The codes held stay in use; the next request past the refresh age tries again.
            logger.LogWarning("Could not read the stock master's codes: {Reason}", e.Message);
            Volatile.Write(ref known, known with { FetchedAt = clock.GetTimestamp() });
        }
        finally
        {
            lock (gate) fetching = null;
        }

        return Volatile.Read(ref known);
    }

    private sealed record Known(FrozenSet<string> Codes, long? FetchedAt)
    {
        public TimeSpan Age(TimeProvider clock) => FetchedAt is { } at ? clock.GetElapsedTime(at) : TimeSpan.MaxValue;
    }
}
