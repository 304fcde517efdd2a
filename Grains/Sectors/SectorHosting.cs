using Gslts.Grains.Strategy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gslts.Grains.Sectors;

public static class SectorHosting
{
    /// <summary>
    /// The sector map (<c>Gslts:SectorMap</c>, else the embedded default), validated at start, as a singleton
    /// <see cref="SectorMap"/>; the strategy's rules (<c>Gslts:Strategy</c>).
    /// </summary>
    public static IServiceCollection AddSectorMap(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SectorMapOptions>().Bind(configuration.GetSection(SectorMapOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SectorMapOptions>, SectorMapOptionsValidator>());
        services.AddOptions<StrategyOptions>().Bind(configuration.GetSection(StrategyOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StrategyOptions>, StrategyOptionsValidator>());
        services.TryAddSingleton(sp => SectorMap.FromOptionsOrDefault(sp.GetRequiredService<IOptions<SectorMapOptions>>().Value));
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>The silo's sector and strategy services: the map, and the scheduler that builds each morning's plan.</summary>
    public static IServiceCollection AddSectors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSectorMap(configuration);
        services.AddHostedService<StrategySchedulerStartup>();
        return services;
    }
}
