using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Gslts.Client.Web;

/// <summary>Serves the built page from <c>wwwroot</c> beside the binary, with client routes falling back to index.html.</summary>
public static class ClientAppEndpoints
{
    private static readonly string[] ServerPaths = ["/api", "/hubs", "/dashboard", "/healthz", "/metrics"];

    public static WebApplication MapClientApp(this WebApplication app)
    {
        var webRoot = app.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath;
        if (webRoot is null || !File.Exists(Path.Combine(webRoot, "index.html")))
        {
            app.Logger.LogError("The page was not built: no index.html under {WebRoot}. Build without -p:GsltsSkipClientBuild=true, with Node.js and npm installed",
                webRoot ?? Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        }

        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers[HeaderNames.CacheControl] =
                file.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable" // Vite puts a content hash in every asset name.
                    : "no-cache",
        });
        app.MapFallback(async context =>
        {
            if (ServerPaths.Any(p => context.Request.Path.StartsWithSegments(p)) || webRoot is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            await context.Response.SendFileAsync(Path.Combine(webRoot, "index.html"), context.RequestAborted);
        });
        return app;
    }
}
