using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Gslts.KiwoomSim.Hosting;
using Gslts.KiwoomSim.Market;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gslts.Bench;

/// <summary>
/// KiwoomSim's WebSocket fan-out: the whole market printing at the target rate, one client registered for 0B of all
/// 2,500 stocks, reading as fast as it can over loopback. Reports printed vs received trades per second and the backlog.
/// </summary>
public static class FanOutBenchmark
{
    public static async Task Run(Report report, string startTime, double tradesPerSecond = 100_000, int seconds = 10)
    {
        var host = await BenchSim.StartAsync(tradesPerSecond, startTime);
        var server = host.Services.GetRequiredService<KiwoomSimServer>();
        var address = await server.BaseAddress;
        var market = host.Services.GetRequiredService<SimMarket>();

        using var http = new HttpClient { BaseAddress = address };
        var tokenAnswer = await (await http.PostAsync("/oauth2/token", Json("""{"grant_type":"client_credentials","appkey":"bench","secretkey":"bench-secret"}""", "au10001")))
            .Content.ReadFromJsonAsync<JsonElement>();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{address.Authority}/api/dostk/websocket"), CancellationToken.None);
        await Send(socket, $$"""{"trnm":"LOGIN","token":"{{tokenAnswer.GetProperty("token").GetString()}}"}""");
        var codes = market.Listings.Select(l => l.Code).ToList();
        for (var g = 0; g < codes.Count; g += 100)
        {
            var items = string.Join(",", codes.Skip(g).Take(100).Select(c => $"\"{c}\""));
            await Send(socket, $$"""{"trnm":"REG","grp_no":"{{g / 100 + 1}}","refresh":"1","data":[{"item":[{{items}}],"type":["0B"]}]}""");
        }

        var received = 0L;
        var buffer = new byte[1 << 20];
        var startPrinted = market.Stats().Trades;
        var watch = Stopwatch.StartNew();
        using var frame = new MemoryStream();
        while (watch.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("The sim dropped the client: it fell behind.");
            frame.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            received += Count(frame.GetBuffer().AsSpan(0, (int)frame.Length));
            frame.SetLength(0);
        }

        var printed = market.Stats().Trades - startPrinted;
        var elapsed = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"fan-out at {startTime} (U-shape weight {IntradayVolume.Weight(TimeOnly.Parse(startTime)):0.00}): target {tradesPerSecond:N0} trades/s; printed {printed / elapsed:N0}/s, received {received / elapsed:N0}/s " +
            $"over {elapsed:0.0} s; behind at the end: {printed - received:N0} trades ({(printed - received) / (printed / elapsed):0.00} s)");
        report.Rate("trades printed", printed / elapsed, "trades", "the bridge (a bare client counting 0B items)");
        report.Rate("trades received by one client", received / elapsed, "trades", "the same; loopback, no network");
        report.Check($"the client kept up: behind at the end by at most a second of printing ({printed - received:N0} trades)", printed - received <= printed / elapsed);
        await host.StopAsync();
    }

    private static int Count(ReadOnlySpan<byte> frame)
    {
        var count = 0;
        var marker = "\"type\":\"0B\""u8;
        for (var i = frame.IndexOf(marker); i >= 0; i = frame.IndexOf(marker))
        {
            count++;
            frame = frame[(i + marker.Length)..];
        }

        return count;
    }

    private static Task Send(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private static StringContent Json(string body, string apiId)
    {
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        content.Headers.Add("api-id", apiId);
        return content;
    }
}
