using Gslts.KiwoomBridge.Auth;
using Gslts.KiwoomBridge.Feeding;
using Gslts.KiwoomBridge.Realtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gslts.KiwoomBridge;

public static class KiwoomBridgeExtensions
{
    /// <summary>The bridge role: Kiwoom token, real-time feed, the feeder into the stock grains, the exchange ranking's refreshes.</summary>
    public static IServiceCollection AddKiwoomBridge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KiwoomOptions>()
            .Bind(configuration.GetSection(KiwoomOptions.Section))
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https",
                "Gslts:Kiwoom:BaseUrl must be an absolute http(s) URL.")
            .Validate(o => string.IsNullOrWhiteSpace(o.WebSocketUrl)
                    || (Uri.TryCreate(o.WebSocketUrl, UriKind.Absolute, out var u) && u.Scheme is "ws" or "wss"),
                "Gslts:Kiwoom:WebSocketUrl must be an absolute ws(s) URL.")
            .Validate(o => o.AppKey.Length > 0, "Gslts:Kiwoom:AppKey is required (environment variable Gslts__Kiwoom__AppKey or user-secrets).")
            .Validate(o => o.SecretKey.Length > 0, "Gslts:Kiwoom:SecretKey is required (environment variable Gslts__Kiwoom__SecretKey or user-secrets).")
            .Validate(o => o.SubscribedCodes.All(c => KiwoomFields.StockCode(c) == c), "Gslts:Kiwoom:Codes must be 6-character KRX codes like 005930.")
            .Validate(o => o.GroupSize is >= 1 and <= 100, "Gslts:Kiwoom:GroupSize must be between 1 and 100.")
            .Validate(o => o.CollectsAll || string.Equals(o.Collect, KiwoomOptions.CollectList, StringComparison.OrdinalIgnoreCase),
                "Gslts:Kiwoom:Collect must be List (the configured codes) or All (every listed stock).")
            .Validate(o => o.CodesPerConnection >= 1, "Gslts:Kiwoom:CodesPerConnection must be at least 1.")
            .Validate(o => o.UniverseRetry >= TimeSpan.FromSeconds(1), "Gslts:Kiwoom:UniverseRetry must be at least one second.")
            .Validate(o => o.FeedKeys.All(k => k.AppKey.Length > 0 && k.SecretKey.Length > 0),
                "Gslts:Kiwoom:FeedKeys entries need both AppKey and SecretKey.")
            .Validate(o => o.RealtimeKeys.Select(k => k.AppKey).Distinct().Count() == o.RealtimeKeys.Count,
                "Gslts:Kiwoom:FeedKeys must be app keys other than Gslts:Kiwoom:AppKey and each other (one session per app key).")
            .Validate(o => o.SilenceTimeout >= TimeSpan.FromSeconds(1), "Gslts:Kiwoom:SilenceTimeout must be at least one second.")
            .Validate(o => o.QueriesPerSecond >= 1 && o.OrdersPerSecond >= 1, "Gslts:Kiwoom:QueriesPerSecond and OrdersPerSecond must be at least 1.")
            .Validate(o => o.StockSilence >= TimeSpan.FromSeconds(4), "Gslts:Kiwoom:StockSilence must be at least 4 seconds.")
            .Validate(o => o.BatchWindow >= TimeSpan.Zero && o.BatchWindow <= TimeSpan.FromSeconds(1), "Gslts:Kiwoom:BatchWindow must be between 0 and 1 second.")
            .Validate(o => o.GapGrace >= TimeSpan.Zero && o.BackfillAttempts >= 1, "Gslts:Kiwoom:GapGrace must not be negative and BackfillAttempts at least 1.")
            .Validate(o => o.AccountAttempts is >= 1 and <= 20, "Gslts:Kiwoom:AccountAttempts must be between 1 and 20.")
            .Validate(o => o.ParkedAccountEvents is >= 1 and <= 10_000, "Gslts:Kiwoom:ParkedAccountEvents must be between 1 and 10000.")
            .Validate(o => o.Journal.MemoryTrades >= 1_000, "Gslts:Kiwoom:Journal:MemoryTrades must be at least 1000.")
            .Validate(o => o.Journal.DiskBytes >= 0, "Gslts:Kiwoom:Journal:DiskBytes must not be negative (0 keeps the journal in memory).")
            .Validate(o => o.Journal.InboxTrades >= 1_000, "Gslts:Kiwoom:Journal:InboxTrades must be at least 1000.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Journal.Folder) && o.Journal.Folder.IndexOfAny(Path.GetInvalidPathChars()) < 0,
                "Gslts:Kiwoom:Journal:Folder must be a folder path.")
            .Validate(o => o.Journal.DegradedAge > TimeSpan.Zero && o.Journal.DegradedTrades >= 1,
                "Gslts:Kiwoom:Journal:DegradedAge must be positive and DegradedTrades at least 1.")
            .Validate(o => o.Ranking.Problems($"{KiwoomOptions.Section}:Ranking").Count == 0,
                "Gslts:Kiwoom:Ranking: Interval must be between 00:00:01 and MaxAge (at most 01:00:00), Rows between 1 and 5000.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(KiwoomTokenClient.HttpClientName);
        services.AddSingleton(sp => new KiwoomTokenClient(
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<KiwoomOptions>>().Value.PrimaryKey,
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<KiwoomOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<KiwoomTokenClient>>()));
        services.AddSingleton(sp => new Rest.KiwoomRateLimiter(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<KiwoomOptions>>().Value.QueriesPerSecond,
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<KiwoomOptions>>().Value.OrdersPerSecond));
        services.AddSingleton<Rest.KiwoomRestClient>();
        services.AddSingleton<Rest.KiwoomApi>();
        services.AddSingleton<FeedStatus>();
        services.AddHostedService<MarketSessionReporter>();
        services.AddSingleton<Gslts.Grains.Interfaces.Accounts.IBroker, Accounts.KiwoomBroker>();
        services.AddSingleton<Accounts.AccountFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<Accounts.AccountFeed>());
        services.AddSingleton<ITradeHistory, KiwoomTradeHistory>();
        services.AddSingleton<TickFeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<TickFeeder>());
        services.AddSingleton<StockMaster>();
        services.AddSingleton<KiwoomRealtimeFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<KiwoomRealtimeFeed>());
        services.AddSingleton<StockMasterLoader>();
        services.AddHostedService(sp => sp.GetRequiredService<StockMasterLoader>());
        services.AddSingleton<DailyHistoryLoader>();
        services.AddHostedService(sp => sp.GetRequiredService<DailyHistoryLoader>());
        services.AddSingleton<Ranking.ExchangeRankingStatus>();
        services.AddSingleton<Ranking.ExchangeRankingRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<Ranking.ExchangeRankingRefresher>());
        return services;
    }
}
