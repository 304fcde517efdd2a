using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Gslts.KiwoomBridge.Auth;
using Gslts.KiwoomBridge.Feeding;
using Microsoft.Extensions.Logging;

namespace Gslts.KiwoomBridge.Realtime;

/// <summary>
/// One of Kiwoom's real-time WebSockets (one per app key): LOGIN, REG of its codes in groups, PING echoed, REAL frames
/// to the feeder; reconnects with capped, jittered backoff and registers everything again. The first connection also
/// carries the account's order events and balance. Another session taking the app key over (R10001) stops it.
/// </summary>
public sealed class RealtimeConnection(
    int number, KiwoomTokenClient tokens, IReadOnlyList<string> codes, TickFeeder feeder, Accounts.AccountFeed accounts, FeedStatus status,
    KiwoomOptions options, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    // Reads the receive loop's frames, one at a time.
    private readonly RealFrameReader frames = new();
    private readonly RealFrameRouter router = new(feeder, accounts, status, logger);
    private readonly Channel<string> silent = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, int> groupOf = codes.Select((code, i) => (code, i)).ToDictionary(p => p.code, p => p.i / options.GroupSize + 1);

    public int Number => number;

    /// <summary>The codes this connection registers.</summary>
    public IReadOnlyList<string> Codes => codes;

    /// <summary>The first connection logs in with the account's key and registers its order events and balance.</summary>
    public bool CarriesAccount => number == 0;

    public bool Holds(string code) => groupOf.ContainsKey(code);

    /// <summary>Asks for <paramref name="code"/>'s group to be registered again (its stream went silent).</summary>
    public void RegisterAgain(string code) => silent.Writer.TryWrite(code);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var ended = await RunSessionAsync(() => failures = 0, stoppingToken);
                if (ended == SessionEnd.TakenOver) return;
                status.Disconnected(number, ended == SessionEnd.Silent ? $"no message for {options.SilenceTimeout}" : "the server closed the connection");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is WebSocketException or HttpRequestException or KiwoomException or JsonException or IOException)
            {
                status.Disconnected(number, e.Message);
                logger.LogWarning("Kiwoom real-time connection {Connection} lost: {Reason}", number, e.Message);
            }

            failures++;
            var backoff = Backoff(failures);
            logger.LogInformation("Reconnecting Kiwoom real-time connection {Connection} in {Delay:0.0}s (attempt {Attempt})", number, backoff.TotalSeconds, failures);
            await Task.Delay(backoff, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>0.5 s doubling to 30 s, with ±20% jitter so many bridges never reconnect in step.</summary>
    public static TimeSpan Backoff(int failures)
    {
        var seconds = Math.Min(MaxBackoff.TotalSeconds, 0.5 * Math.Pow(2, Math.Min(failures - 1, 10)));
        return TimeSpan.FromSeconds(seconds * (0.8 + Random.Shared.NextDouble() * 0.4));
    }

    private async Task<SessionEnd> RunSessionAsync(Action loggedIn, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(options.WebSocketUri, cancellationToken);
        await SendAsync(socket, new JsonObject { ["trnm"] = "LOGIN", ["token"] = token }, cancellationToken);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        var registered = false;
        while (true)
        {
            if (registered) await RegisterSilentStocksAgainAsync(socket, cancellationToken);
            long? arrivedAt;
            using (var silence = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                silence.CancelAfter(options.SilenceTimeout);
                try
                {
                    arrivedAt = await ReceiveAsync(socket, buffer, silence.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Streams stop silently in production: a quiet socket is replaced, and everything registered again.
                    logger.LogWarning("Kiwoom real-time connection {Connection}: no message for {Silence}; reconnecting", number, options.SilenceTimeout);
                    return SessionEnd.Silent;
                }
            }

            if (arrivedAt is not { } firstBytesAt) return SessionEnd.Closed;
            status.Message(time.GetUtcNow());
            string? trnm;
            try
            {
                trnm = frames.Trnm(buffer.WrittenSpan);
                if (trnm == "REAL")
                {
                    router.Route(frames, buffer.WrittenSpan, DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Kst).DateTime), firstBytesAt);
                    continue;
                }
            }
            catch (JsonException e)
            {
                // One bad frame is counted and skipped (what came before the fault in it was taken); no reason to drop a healthy connection.
                router.Flush();
                status.Reject();
                logger.LogWarning("Skipped a real-time frame that is not JSON: {Reason}", e.Message);
                continue;
            }

            // Everything but REAL is rare and small: read as a document.
            using var document = JsonDocument.Parse(buffer.WrittenMemory);
            var root = document.RootElement;
            switch (trnm)
            {
                case "LOGIN":
                    try
                    {
                        KiwoomError.ThrowIfFailed(root, "LOGIN");
                    }
                    catch (KiwoomException e) when (e.IsTokenProblem)
                    {
                        tokens.Invalidate(token);
                        throw;
                    }

                    status.LoggedIn(number);
                    loggedIn();
                    await RegisterAsync(socket, cancellationToken);
                    registered = true;
                    break;
                case "PING":
                    await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, true, cancellationToken);
                    break;
                case "REG" or "REMOVE":
                    if (root.TryGetProperty("return_code", out var rc) && rc.ValueKind == JsonValueKind.Number && rc.GetInt32() != 0)
                    {
                        logger.LogError("Kiwoom refused a registration on connection {Connection}: {Message}", number, root.GetProperty("return_msg").GetString());
                    }

                    break;
                case "SYSTEM" when root.TryGetProperty("code", out var code) && code.GetString() == "R10001":
                    status.Stopped(number, "another session logged in with this app key (R10001)");
                    logger.LogCritical("Kiwoom dropped real-time connection {Connection}: another LOGIN used its app key (R10001). " +
                        "The bridge stops this connection instead of fighting it; restart the bridge once the other session is gone", number);
                    return SessionEnd.TakenOver;
                default:
                    logger.LogDebug("Ignoring real-time frame {Frame}", Encoding.UTF8.GetString(buffer.WrittenSpan[..Math.Min(200, buffer.WrittenCount)]));
                    break;
            }
        }
    }

    /// <summary>Stocks whose stream went silent are removed from their group and registered again (REMOVE, then REG).</summary>
    private async Task RegisterSilentStocksAgainAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var again = new List<string>();
        while (silent.Reader.TryRead(out var code)) again.Add(code);
        foreach (var group in again.Distinct().Where(Holds).GroupBy(c => groupOf[c]))
        {
            var groupNo = group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var trnm in new[] { "REMOVE", "REG" })
            {
                var message = new JsonObject
                {
                    ["trnm"] = trnm,
                    ["grp_no"] = groupNo,
                    ["data"] = new JsonArray(new JsonObject
                    {
                        ["item"] = new JsonArray([.. group.Select(c => JsonValue.Create(c))]),
                        ["type"] = new JsonArray("0B", "0D"),
                    }),
                };
                if (trnm == "REG") message["refresh"] = "1";
                await SendAsync(socket, message, cancellationToken);
            }

            logger.LogInformation("Kiwoom real-time connection {Connection}: registered {Codes} again in group {Group}", number, string.Join(", ", group), groupNo);
        }
    }

    private async Task RegisterAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var groups = codes.Chunk(options.GroupSize).ToList();
        for (var g = 0; g < groups.Count; g++)
        {
            await SendAsync(socket, new JsonObject
            {
                ["trnm"] = "REG",
                ["grp_no"] = (g + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["refresh"] = "1",
                ["data"] = new JsonArray(new JsonObject
                {
                    ["item"] = new JsonArray([.. groups[g].Select(c => JsonValue.Create(c))]),
                    ["type"] = new JsonArray("0B", "0D"),
                }),
            }, cancellationToken);
        }

        if (CarriesAccount)
        {
            // Order events, balance and the market's session follow the token's account or the market, not a code: one more group, item "".
            await SendAsync(socket, new JsonObject
            {
                ["trnm"] = "REG",
                ["grp_no"] = (groups.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["refresh"] = "1",
                ["data"] = new JsonArray(new JsonObject { ["item"] = new JsonArray(""), ["type"] = new JsonArray("00", "04", "0s") }),
            }, cancellationToken);
            // Fills that happened while the socket was down are in REST, not in the stream.
            accounts.Reconcile();
        }

        logger.LogInformation("Kiwoom real-time connection {Connection}: logged in, {Codes} codes registered in {Groups} group(s){Account}",
            number, codes.Count, groups.Count, CarriesAccount ? ", and the account" : "");
        feeder.Resync(number, codes);
    }

    private static Task SendAsync(ClientWebSocket socket, JsonObject message, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken);

    /// <summary>
    /// One whole message into <paramref name="buffer"/>, and the <see cref="TimeProvider.GetTimestamp"/> at which its first
    /// bytes came (a trade's latency starts there, not once a large frame is complete); null when the server closed the connection.
    /// </summary>
    private async Task<long?> ReceiveAsync(ClientWebSocket socket, ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        buffer.ResetWrittenCount();
        long? firstBytesAt = null;
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            var result = await socket.ReceiveAsync(memory, cancellationToken);
            firstBytesAt ??= time.GetTimestamp();
            if (result.MessageType == WebSocketMessageType.Close) return null;
            buffer.Advance(result.Count);
            if (result.EndOfMessage) return firstBytesAt;
        }
    }

    private enum SessionEnd
    {
        Closed,
        Silent,
        TakenOver,
    }
}
