using Gslts.KiwoomSim.Auth;
using Gslts.KiwoomSim.Market;
using Gslts.KiwoomSim.Protocol;
using Gslts.KiwoomSim.Realtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomSim.Hosting;

/// <summary>The sim's own web server on <see cref="SimOptions.Urls"/>, apart from the product's web port.</summary>
public sealed class KiwoomSimServer(IServiceProvider services, IOptions<SimOptions> options, ILogger<KiwoomSimServer> logger) : IHostedService
{
    private readonly TaskCompletionSource<Uri> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? app;

    /// <summary>Completes with the address actually bound (port 0 resolved) once the server listens.</summary>
    public Task<Uri> BaseAddress => started.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Value.Urls);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(services.GetRequiredService<ILoggerFactory>());
        builder.Services.AddSingleton(services.GetRequiredService<TimeProvider>());
        builder.Services.AddSingleton(services.GetRequiredService<IOptions<SimOptions>>());
        builder.Services.AddSingleton(services.GetRequiredService<SimMarket>());
        builder.Services.AddSingleton(services.GetRequiredService<TokenStore>());
        builder.Services.AddSingleton(services.GetRequiredService<RealtimeSessions>());
        builder.Services.AddSingleton(services.GetRequiredService<SimFaults>());
        builder.Services.AddSingleton(services.GetRequiredService<PrintProbe>());
        app = builder.Build();
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
            {
                logger.LogError(e, "KiwoomSim failed answering {Path}", context.Request.Path);
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/json;charset=UTF-8";
                await context.Response.WriteAsync(KiwoomJson.Write(KiwoomErrors.Answer(KiwoomErrors.SimFault, "시뮬레이터 내부 오류입니다")));
            }
        });
        app.UseWebSockets();
        app.MapSimRest(services.GetRequiredService<SimRest>());
        app.MapSimRealtime();
        app.MapSimFaults();
        app.MapSimRestFallback(services.GetRequiredService<SimRest>());
        await app.StartAsync(cancellationToken);

        var address = new Uri(app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        logger.LogInformation("KiwoomSim listening on {Address}", address);
        started.TrySetResult(address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is null) return;
        await app.StopAsync(cancellationToken);
        await app.DisposeAsync();
    }
}
