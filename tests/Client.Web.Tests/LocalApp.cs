using Gslts.Silo.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Gslts.Client.Web.Tests;

/// <summary>The whole product (every role, the in-process sim) on free ports with its SQLite file in a fresh temp folder.</summary>
public static class LocalApp
{
    public static Task<WebApplication> StartAsync(params string[] extra)
    {
        var folder = Directory.CreateTempSubdirectory("gslts-page-").FullName;
        var simPort = FreePort.Next();
        return GsltsApp.StartAsync([
            "--urls", FreePort.AnyPort,
            $"--ConnectionStrings:Gslts=Data Source={Path.Combine(folder, "gslts.db")}",
            $"--Gslts:Sim:Urls=http://127.0.0.1:{simPort}",
            $"--Gslts:Kiwoom:BaseUrl=http://127.0.0.1:{simPort}",
            $"--Gslts:Cluster:SiloPort={FreePort.Next()}", $"--Gslts:Cluster:GatewayPort={FreePort.Next()}",
            .. extra,
        ]);
    }
}
