using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Gslts.Silo.Tests.EndToEnd;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_is_503_naming_the_feed_when_the_broker_cannot_be_reached()
    {
        await using var host = await TestHost.StartAsync("--Gslts:Roles=silo,web,bridge", $"--Gslts:Kiwoom:BaseUrl=http://127.0.0.1:{FreePort.Next()}");
        using var http = new HttpClient { BaseAddress = host.Web };

        var response = await http.GetAsync("/healthz");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(["feed"], body.GetProperty("failing").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_orleans_dashboard_answers_local_operators()
    {
        await using var host = await TestHost.StartAsync("--Gslts:Roles=silo,web");
        using var http = new HttpClient { BaseAddress = host.Web };

        var response = await http.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
