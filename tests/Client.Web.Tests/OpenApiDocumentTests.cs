using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gslts.Client.Web.Tests;

/// <summary>
/// The page's TypeScript types are generated (openapi-typescript, at its build) from ClientApp/openapi.json; this test
/// keeps that file equal to what the server serves, so the types cannot drift from the C# records.
/// </summary>
public sealed class OpenApiDocumentTests
{
    /// <summary>Set to 1 to rewrite ClientApp/openapi.json from the server instead of failing on a difference.</summary>
    public const string UpdateVariable = "GSLTS_UPDATE_OPENAPI";

    [Fact]
    public async Task The_committed_openapi_document_the_page_types_come_from_is_the_one_the_server_serves()
    {
        var app = await LocalApp.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var served = Normalized(await http.GetStringAsync("/openapi/v1.json"));
            var path = Path.Combine(RepositoryRoot(), "Client.Web", "ClientApp", "openapi.json");
            if (Environment.GetEnvironmentVariable(UpdateVariable) == "1") await File.WriteAllTextAsync(path, served);
            var committed = File.Exists(path) ? Normalized(await File.ReadAllTextAsync(path)) : "(missing)";

            Assert.True(committed == served,
                $"{path} differs from the server's /openapi/v1.json: run `{UpdateVariable}=1 dotnet test tests/Client.Web.Tests --filter OpenApiDocumentTests`, then rebuild the page.");
            Assert.Contains("\"StockSnapshot\"", served);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Indented, without the server's own address (it changes with each run's port).</summary>
    private static string Normalized(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        document.Remove("servers");
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Gslts.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException($"no Gslts.sln above {AppContext.BaseDirectory}");
    }
}
