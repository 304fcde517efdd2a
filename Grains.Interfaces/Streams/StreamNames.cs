using Orleans.Runtime;

namespace Gslts.Grains.Interfaces.Streams;

/// <summary>Every stream provider and namespace the product uses, in one place.</summary>
public static class StreamNames
{
    /// <summary>The stream provider for live market fan-out (memory streams).</summary>
    public const string Provider = "market";

    /// <summary>Grain storage that holds stream pub-sub subscriptions.</summary>
    public const string PubSubStore = "PubSubStore";

    /// <summary>Namespace of per-stock streams (key = code), carrying <c>StockSnapshot</c>.</summary>
    public const string Stocks = "stocks";

    public static StreamId ForStock(string code) => StreamId.Create(Stocks, code);

    /// <summary>Namespace of per-stock order book streams (key = code), carrying <c>OrderBook</c>.</summary>
    public const string Books = "books";

    public static StreamId ForBook(string code) => StreamId.Create(Books, code);

    /// <summary>Namespace of ranking streams (key = scope, "all" for the market), carrying <c>TopList</c> up to twice a second.</summary>
    public const string Rankings = "rankings";

    public static StreamId ForRanking(string scope) => StreamId.Create(Rankings, scope);

    /// <summary>Namespace of the morning strategy's stream (one, key "KRX"), carrying each <c>StrategyPlan</c> as it is built.</summary>
    public const string Strategies = "strategy";

    public static StreamId ForStrategy() => StreamId.Create(Strategies, "KRX");

    /// <summary>Namespace of the market session's stream (one, key "KRX"), carrying <c>MarketStatus</c> when the session changes.</summary>
    public const string Market = "market-session";

    public static StreamId ForMarket() => StreamId.Create(Market, "KRX");
}
