using Gslts.Client.Web;
using Gslts.Grains.Sectors;
using Gslts.KiwoomBridge;
using Gslts.KiwoomBridge.UsMarket;
using Gslts.KiwoomSim;
using Gslts.Silo.Configuration;
using Gslts.Silo.Health;
using Gslts.Silo.Storage;
using Microsoft.Extensions.Options;

namespace Gslts.Silo.Hosting;

/// <summary>Builds and starts the one GSLTS host: the roles named in <c>Gslts:Roles</c>, in one process.</summary>
public static class GsltsApp
{
    /// <param name="configure">Runs last before the host is built (tests replace a service there, e.g. a storage that fails).</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json and the built page live beside the binary, wherever the process is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var roles = GsltsRoles.Parse(builder.Configuration[GsltsRoles.Key]);
        // The embedded default: the bridge collects the whole simulated market on the sim's own feed accounts.
        if (SimFeedKeys.For(builder.Configuration, roles) is { Count: > 0 } feedKeys) builder.Configuration.AddInMemoryCollection(feedKeys);
        var storage = StorageSettings.From(builder.Configuration, Environment.CurrentDirectory);
        var cluster = ClusterSettings.From(builder.Configuration);

        builder.Services.AddSingleton(roles).AddSingleton(storage).AddSingleton(cluster);
        builder.AddGsltsOrleans(roles, storage, cluster);
        if (roles.Sim) builder.Services.AddKiwoomSim(builder.Configuration);
        if (roles.Bridge) builder.Services.AddKiwoomBridge(builder.Configuration);
        if (roles.Silo) builder.Services.AddSectors(builder.Configuration).AddUsMarket(builder.Configuration);
        if (roles.Web) builder.Services.AddClientWeb(builder.Configuration);
        builder.Services.AddGsltsHealth(roles);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapGsltsHealth();
        if (roles.Web) app.MapClientWeb();
        return app;
    }

    /// <summary>Validates configuration, prepares the database, then starts every hosted role.</summary>
    public static async Task<WebApplication> StartAsync(
        string[] args, CancellationToken cancellationToken = default, Action<WebApplicationBuilder>? configure = null)
    {
        var app = Create(args, configure);
        try
        {
            // Checked before the host starts, so a bad key is one line, not a host failure with a stack trace.
            app.Services.GetService<IStartupValidator>()?.Validate();
            var roles = app.Services.GetRequiredService<GsltsRoles>();
            if (roles.Silo)
            {
                await DatabaseSchema.EnsureCreatedAsync(app.Services.GetRequiredService<StorageSettings>(), cancellationToken);
            }

            await app.StartAsync(cancellationToken);
            app.Logger.LogInformation("GSLTS started: roles {Roles}, storage {Storage}, listening on {Urls}",
                roles, app.Services.GetRequiredService<StorageSettings>().Provider, string.Join(", ", app.Urls));
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs until shutdown; a start-up failure caused by configuration prints one line and exits 2.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        WebApplication app;
        try
        {
            app = await StartAsync(args);
        }
        catch (Exception e) when (StartupFailure.Describe(e) is { } reason)
        {
            await Console.Error.WriteLineAsync($"GSLTS did not start: {reason}");
            return 2;
        }

        await using (app)
        {
            await app.WaitForShutdownAsync();
        }

        return 0;
    }
}
