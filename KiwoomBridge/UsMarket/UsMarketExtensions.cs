using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomBridge.UsMarket;

public static class UsMarketExtensions
{
    /// <summary>The US market collector and its source (<c>Gslts:UsMarket:Source</c>: Sim by default, or Yahoo).</summary>
    public static IServiceCollection AddUsMarket(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UsMarketOptions>()
            .Bind(configuration.GetSection(UsMarketOptions.Section))
            .PostConfigure(o => o.SimUrl ??= SimAddress(configuration["Gslts:Sim:Urls"]))
            .Validate(o => o.UsesYahoo || string.Equals(o.Source, UsMarketOptions.SimSource, StringComparison.OrdinalIgnoreCase),
                "Gslts:UsMarket:Source must be Sim (KiwoomSim's US sessions) or Yahoo (Yahoo Finance).")
            .Validate(o => !o.UsesYahoo || (Uri.TryCreate(o.YahooBaseUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"),
                "Gslts:UsMarket:YahooBaseUrl must be an absolute http(s) URL.")
            .Validate(o => o.UsesYahoo || (Uri.TryCreate(o.SimUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"),
                "Gslts:UsMarket:SimUrl (or Gslts:Sim:Urls) must be an absolute http URL for the Sim source.")
            .Validate(o => o.FirstRetry >= TimeSpan.FromMilliseconds(100) && o.LongestRetry >= o.FirstRetry,
                "Gslts:UsMarket:FirstRetry must be at least 100 ms and LongestRetry at least FirstRetry.")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, "Gslts:UsMarket:RequestTimeout must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(YahooChartSource.HttpClientName, (sp, client) =>
        {
            client.Timeout = sp.GetRequiredService<IOptions<UsMarketOptions>>().Value.RequestTimeout;
            // Yahoo refuses requests without a browser-like agent.
            client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (compatible; GSLTS)");
        });
        services.AddHttpClient(SimUsSectorSource.HttpClientName, (sp, client) =>
            client.Timeout = sp.GetRequiredService<IOptions<UsMarketOptions>>().Value.RequestTimeout);
        services.AddSingleton<IUsMarketSource>(sp => sp.GetRequiredService<IOptions<UsMarketOptions>>().Value.UsesYahoo
            ? ActivatorUtilities.CreateInstance<YahooChartSource>(sp)
            : ActivatorUtilities.CreateInstance<SimUsSectorSource>(sp));
        services.AddSingleton<UsMarketCollector>();
        services.AddHostedService(sp => sp.GetRequiredService<UsMarketCollector>());
        return services;
    }

    /// <summary>The first of the sim's listen URLs, with a wildcard host made a loopback one.</summary>
    private static string? SimAddress(string? urls)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null) return "http://localhost:5100";
        return first.Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal);
    }
}
