namespace Gslts.Client.Web.Market;

/// <summary>
/// What one hub connection watches: at most <paramref name="capacity"/> stocks, oldest first, and whether it joined the
/// ranking and the strategy. Bounded by construction, so a client calling Watch in a loop holds no more than this.
/// </summary>
public sealed class ConnectionWatches(int capacity)
{
    private readonly Lock gate = new();
    private readonly List<string> codes = new(capacity);

    /// <summary>The ranking scope this connection follows, or null.</summary>
    public string? RankingScope { get; set; }

    /// <summary>The stock whose book this connection is shown, or null.</summary>
    public string? Book { get; set; }

    public bool Market { get; set; }

    public bool Strategy { get; set; }

    public IReadOnlyList<string> Codes
    {
        get
        {
            lock (gate) return [.. codes];
        }
    }

    public bool Contains(string code)
    {
        lock (gate) return codes.Contains(code);
    }

    /// <summary>Adds <paramref name="code"/> as the newest watch; returns the oldest, dropped to stay within capacity, if one was.</summary>
    public string? Add(string code)
    {
        lock (gate)
        {
            if (codes.Remove(code))
            {
                codes.Add(code);
                return null;
            }

            codes.Add(code);
            if (codes.Count <= capacity) return null;
            var dropped = codes[0];
            codes.RemoveAt(0);
            return dropped;
        }
    }

    public bool Remove(string code)
    {
        lock (gate) return codes.Remove(code);
    }

    /// <summary>Empties the watches and returns what they held (the connection is closing).</summary>
    public IReadOnlyList<string> Clear()
    {
        lock (gate)
        {
            string[] all = [.. codes];
            codes.Clear();
            return all;
        }
    }
}
