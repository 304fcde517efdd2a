using Gslts.KiwoomSim.Auth;
using Gslts.KiwoomSim.Hosting;
using Gslts.KiwoomSim.Market;
using Gslts.KiwoomSim.Protocol;
using Gslts.KiwoomSim.Realtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gslts.KiwoomSim;

public static class KiwoomSimExtensions
{
    /// <summary>The sim role: a local exchange speaking Kiwoom's protocol on its own port.</summary>
    public static IServiceCollection AddKiwoomSim(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SimOptions>()
            .Bind(configuration.GetSection(SimOptions.Section))
            .Validate(o => Uri.TryCreate(o.Urls, UriKind.Absolute, out var u) && u.Scheme is "http" or "https",
                "Gslts:Sim:Urls must be an absolute http URL, e.g. http://localhost:5100.")
            .Validate(o => o.Speed is > 0 and <= 3600, "Gslts:Sim:Speed must be above 0 and at most 3600.")
            .Validate(o => o.Clock is SimOptions.VirtualClock or SimOptions.WallClock, "Gslts:Sim:Clock must be Virtual or Wall.")
            .Validate(o => o.StartTime < KrxSessions.Regular.Close, "Gslts:Sim:StartTime must be before the 15:30 close.")
            .Validate(o => o.TradesPerSecond is > 0 and <= 1_000_000, "Gslts:Sim:TradesPerSecond must be above 0 and at most 1000000.")
            .Validate(o => o.Listings is >= 1 and <= 10_000, "Gslts:Sim:Listings must be between 1 and 10000.")
            .Validate(o => o.QueriesPerSecond >= 1 && o.OrdersPerSecond >= 1, "Gslts:Sim:QueriesPerSecond and OrdersPerSecond must be at least 1.")
            .Validate(o => o.PageSize is >= 10 and <= 10_000, "Gslts:Sim:PageSize must be between 10 and 10000.")
            .Validate(o => o.Vi.StaticPercent is > 0 and < 30, "Gslts:Sim:Vi:StaticPercent must be above 0 and below 30.")
            .Validate(o => o.Vi.DynamicPercentKospi200 is > 0 and < 30, "Gslts:Sim:Vi:DynamicPercentKospi200 must be above 0 and below 30.")
            .Validate(o => o.Vi.DynamicPercent is > 0 and < 30, "Gslts:Sim:Vi:DynamicPercent must be above 0 and below 30.")
            .Validate(o => o.Vi.Duration > TimeSpan.Zero && o.Vi.Duration <= TimeSpan.FromMinutes(30),
                "Gslts:Sim:Vi:Duration must be above 0 and at most 00:30:00.")
            .Validate(o => o.Accounts.Count > 0 && o.Accounts.All(a => a.AppKey.Length > 0 && a.SecretKey.Length > 0),
                "Gslts:Sim:Accounts needs at least one account with an AppKey and a SecretKey.")
            .Validate(o => o.FeedAccounts is null or (>= 0 and <= SimFeedAccounts.Max), "Gslts:Sim:FeedAccounts must be between 0 and 1000.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SimMarket>();
        services.AddSingleton<SimClock>();
        services.AddSingleton<TokenStore>();
        services.AddSingleton<SimFaults>();
        services.AddSingleton<Market.PrintProbe>();
        services.AddSingleton<SimRest>();
        services.AddSingleton<RealtimeSessions>();
        services.AddSingleton<KiwoomSimServer>();
        services.AddHostedService(sp => sp.GetRequiredService<KiwoomSimServer>());
        services.AddHostedService<TradeLoop>();
        return services;
    }
}
