using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Gslts.KiwoomSim.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gslts.KiwoomSim.Tests;

/// <summary>KiwoomSim alone on a free port, busy enough that trades arrive within a second.</summary>
public sealed class SimHost : IAsyncDisposable
{
    public const string AppKey = "test-app-key";
    public const string SecretKey = "test-secret-key";

    private SimHost(IHost host, Uri baseAddress) => (Host, BaseAddress) = (host, baseAddress);

    public IHost Host { get; }

    public Uri BaseAddress { get; }

    public Uri WebSocket => new($"ws://{BaseAddress.Authority}/api/dostk/websocket");

    public static async Task<SimHost> StartAsync(params (string Key, string Value)[] settings)
    {
        var config = new Dictionary<string, string?>
        {
            ["Gslts:Sim:Urls"] = "http://127.0.0.1:0",
            ["Gslts:Sim:TradesPerSecond"] = "3000",
            ["Gslts:Sim:QueriesPerSecond"] = "1000",
            ["Gslts:Sim:PageSize"] = "100",
            ["Gslts:Sim:StartTime"] = "09:00:00",
            ["Gslts:Sim:Accounts:0:AppKey"] = AppKey,
            ["Gslts:Sim:Accounts:0:SecretKey"] = SecretKey,
            ["Gslts:Sim:Accounts:0:AccountNo"] = "50000001",
        };
        foreach (var (key, value) in settings) config[key] = value;
        var host = new HostBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(config))
            .ConfigureServices((context, services) => services.AddLogging().AddKiwoomSim(context.Configuration))
            .Build();
        await host.StartAsync();
        return new SimHost(host, await host.Services.GetRequiredService<KiwoomSimServer>().BaseAddress);
    }

    public HttpClient Http() => new() { BaseAddress = BaseAddress };

    public async Task<JsonElement> PostAsync(string path, string apiId, string body, string? token = null) =>
        (await PostPageAsync(path, apiId, body, token, null)).Body;

    /// <summary>One page of a paged call: the body and the next-key when <c>cont-yn</c> is Y.</summary>
    public async Task<(JsonElement Body, string? NextKey)> PostPageAsync(string path, string apiId, string body, string? token, string? nextKey)
    {
        using var http = Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("api-id", apiId);
        if (token is not null) request.Headers.Add("authorization", $"Bearer {token}");
        if (nextKey is not null)
        {
            request.Headers.Add("cont-yn", "Y");
            request.Headers.Add("next-key", nextKey);
        }

        using var response = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var more = response.Headers.GetValues("cont-yn").Single() == "Y";
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), more ? response.Headers.GetValues("next-key").Single() : null);
    }

    /// <summary>
    /// Any call as a client that did not write our bridge might send it: any method, api-id header or none. Returns the HTTP
    /// status and the body, which must be JSON whatever the status.
    /// </summary>
    public async Task<(System.Net.HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? apiId, string? body,
        string? token = null)
    {
        using var http = Http();
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        if (apiId is not null) request.Headers.Add("api-id", apiId);
        if (token is not null) request.Headers.Add("authorization", $"Bearer {token}");
        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public async Task<string> TokenAsync()
    {
        var answer = await PostAsync("/oauth2/token", "au10001",
            $$"""{"grant_type":"client_credentials","appkey":"{{AppKey}}","secretkey":"{{SecretKey}}"}""");
        return answer.GetProperty("token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}

/// <summary>A test's WebSocket client speaking Kiwoom's frames; a background reader queues what arrives.</summary>
public sealed class SimSocket : IAsyncDisposable
{
    private readonly ClientWebSocket socket;
    private readonly Channel<JsonElement?> frames = Channel.CreateUnbounded<JsonElement?>();
    private readonly Task reading;

    private SimSocket(ClientWebSocket socket)
    {
        this.socket = socket;
        reading = ReadAsync();
    }

    public static async Task<SimSocket> ConnectAsync(Uri uri)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(uri, CancellationToken.None);
        return new SimSocket(socket);
    }

    public WebSocketState State => socket.State;

    public Task SendAsync(string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next frame; null when the server closed the socket; throws on timeout without harming the socket.</summary>
    public async Task<JsonElement?> ReceiveAsync(TimeSpan? patience = null)
    {
        using var timeout = new CancellationTokenSource(patience ?? TimeSpan.FromSeconds(10));
        return await frames.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Frames until one with <paramref name="trnm"/> arrives (PINGs answered on the way).</summary>
    public async Task<(JsonElement Frame, List<JsonElement> Before)> ReceiveUntilAsync(string trnm, Func<JsonElement, bool>? match = null)
    {
        var before = new List<JsonElement>();
        while (true)
        {
            var frame = await ReceiveAsync() ?? throw new InvalidOperationException($"socket closed while waiting for {trnm}");
            var name = frame.GetProperty("trnm").GetString();
            if (name == trnm && (match is null || match(frame))) return (frame, before);
            if (name == "PING") await SendAsync(frame.GetRawText());
            before.Add(frame);
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close) break;
                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                frames.Writer.TryWrite(JsonDocument.Parse(frame.ToArray()).RootElement);
                frame.SetLength(0);
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            // The server dropped the connection, or the test disposed the socket mid-read: the same as a close here.
        }

        frames.Writer.TryWrite(null);
        frames.Writer.TryComplete();
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // Already gone.
            }
        }

        socket.Dispose();
        await reading;
    }
}
