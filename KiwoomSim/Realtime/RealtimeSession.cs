using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Gslts.KiwoomSim.Auth;
using Gslts.KiwoomSim.Market;
using Gslts.KiwoomSim.Protocol;
using Microsoft.Extensions.Logging;

namespace Gslts.KiwoomSim.Realtime;

/// <summary>
/// One client's WebSocket: LOGIN, REG/REMOVE, PING; outgoing frames go through a bounded queue so a slow client
/// is dropped instead of slowing the market down.
/// </summary>
public sealed class RealtimeSession(
    WebSocket socket, TokenStore tokens, RealtimeSessions sessions, SimMarket market, SimOptions options,
    TimeProvider time, ILogger logger)
{
    private const int MaxFrameBytes = 1 << 20;
    private const int OutboxCapacity = 10_000;
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);

    private readonly Channel<byte[]> outbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(OutboxCapacity) { SingleReader = true });
    private readonly CancellationTokenSource closing = new();
    private readonly Dictionary<string, HashSet<(string Item, string Type)>> groups = [];
    private readonly Lock gate = new();
    private string? appKey;

    /// <summary>The account this session's token belongs to (00/04 events follow it).</summary>
    public string? AccountNo { get; private set; }
    private long lastPong;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, closing.Token);
        lastPong = time.GetTimestamp();
        var sending = SendLoopAsync(linked.Token);
        var pinging = PingLoopAsync(linked.Token);
        try
        {
            await ReceiveLoopAsync(linked.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away or the session was dropped: nothing to answer.
        }
        finally
        {
            if (appKey is not null) sessions.Leave(appKey, this);
            // Let queued frames (a refusal, R10001) reach the client before the socket goes.
            outbox.Writer.TryComplete();
            await Task.WhenAny(sending, Task.Delay(CloseGrace, time));
            await closing.CancelAsync();
            await Task.WhenAll(sending, pinging).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Builds and queues frames from what this session registered, atomically with REG/REMOVE, so nothing of a
    /// removed code follows the REMOVE answer.
    /// </summary>
    public void SendRegistered(Func<Func<string, string, bool>, IReadOnlyList<byte[]>> build)
    {
        lock (gate)
        {
            foreach (var frame in build(IsRegistered)) Send(frame);
        }
    }

    private bool IsRegistered(string code, string type)
    {
        foreach (var group in groups.Values)
        {
            if (group.Contains((code, type))) return true;
        }

        return false;
    }

    /// <summary>Queues a frame; a client too slow to keep up is disconnected.</summary>
    public void Send(string frame) => Send(Encoding.UTF8.GetBytes(frame));

    /// <summary>Queues a UTF-8 frame; a client too slow to keep up is disconnected.</summary>
    public void Send(byte[] frame)
    {
        if (!outbox.Writer.TryWrite(frame) && !closing.IsCancellationRequested)
        {
            logger.LogWarning("A real-time client fell {Capacity} frames behind; disconnecting it", OutboxCapacity);
            Drop(null);
        }
    }

    /// <summary>Sends <paramref name="lastFrame"/> (if any), then closes the session.</summary>
    public void Drop(string? lastFrame)
    {
        if (lastFrame is not null) outbox.Writer.TryWrite(Encoding.UTF8.GetBytes(lastFrame));
        outbox.Writer.TryComplete();
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var frame = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return;
            frame.Write(buffer, 0, result.Count);
            if (frame.Length > MaxFrameBytes)
            {
                Drop(RealMessages.Answer("ERROR", 1, $"[{KiwoomErrors.BadRequest}:메시지가 너무 큽니다]"));
                return;
            }

            if (!result.EndOfMessage) continue;
            var text = Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length);
            frame.SetLength(0);
            if (!Handle(text)) return;
        }
    }

    /// <summary>Answers one client frame; false ends the session.</summary>
    private bool Handle(string text)
    {
        JsonElement message;
        string? trnm;
        try
        {
            message = JsonDocument.Parse(text).RootElement;
            trnm = message.ValueKind == JsonValueKind.Object ? message.Str("trnm") : null;
        }
        catch (JsonException)
        {
            Send(RealMessages.Answer("ERROR", 1, $"[{KiwoomErrors.BadRequest}:JSON 형식이 올바르지 않습니다]"));
            return true;
        }

        switch (trnm)
        {
            case "LOGIN":
                return LogIn(message.Str("token"));
            case "PING":
                Interlocked.Exchange(ref lastPong, time.GetTimestamp());
                return true;
            case "REG" or "REMOVE" when appKey is null:
                Send(RealMessages.Answer(trnm, 1, $"[{KiwoomErrors.TokenInvalid}:로그인이 필요합니다]"));
                return true;
            case "REG" or "REMOVE":
                Register(trnm, message);
                return true;
            default:
                Send(RealMessages.Answer(trnm ?? "ERROR", 1, $"[{KiwoomErrors.BadRequest}:알 수 없는 trnm입니다 ({trnm})]"));
                return true;
        }
    }

    private bool LogIn(string? token)
    {
        var issued = tokens.Validate(token);
        if (issued is null)
        {
            Drop(RealMessages.Answer("LOGIN", 1, $"[{KiwoomErrors.TokenInvalid}:Token이 유효하지 않습니다]"));
            return false;
        }

        appKey = issued.Account.AppKey;
        AccountNo = issued.Account.AccountNo;
        sessions.LogIn(appKey, this);
        Send(RealMessages.Answer("LOGIN", 0, KiwoomErrors.Ok));
        return true;
    }

    private void Register(string trnm, JsonElement message)
    {
        var group = message.Str("grp_no") ?? "1";
        var keep = message.Str("refresh") != "0";
        var pairs = new List<(string, string)>();
        if (!message.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            Send(RealMessages.Answer(trnm, 1, $"[{KiwoomErrors.BadRequest}:data가 없습니다]"));
            return;
        }

        foreach (var entry in data.EnumerateArray())
        {
            var items = Strings(entry, "item");
            var types = Strings(entry, "type");
            if (items is null || types is null || types.Count == 0)
            {
                Send(RealMessages.Answer(trnm, 1, $"[{KiwoomErrors.BadRequest}:item과 type은 문자열 배열이어야 합니다]"));
                return;
            }

            var unknown = types.FirstOrDefault(t => !RealMessages.Types.Contains(t)) ?? items.FirstOrDefault(i => i.Length > 0 && !market.IsListed(i));
            if (unknown is not null)
            {
                Send(RealMessages.Answer(trnm, 1, $"[{KiwoomErrors.UnknownStock}:등록할 수 없는 항목입니다 ({unknown})]"));
                return;
            }

            // Kiwoom's own client registers the market-wide types with no item at all; that means item "".
            if (items.Count == 0 && types.All(RealMessages.MarketWide.Contains)) items = [""];
            pairs.AddRange(items.SelectMany(i => types.Select(t => (i, t))));
        }

        lock (gate)
        {
            var next = new HashSet<(string Item, string Type)>(groups.GetValueOrDefault(group) ?? []);
            if (trnm == "REMOVE") next.ExceptWith(pairs);
            else
            {
                if (!keep) next.Clear();
                next.UnionWith(pairs);
            }

            var codes = groups.Where(g => g.Key != group).SelectMany(g => g.Value).Concat(next)
                .Select(p => p.Item).Where(i => i.Length > 0).Distinct().Count();
            if (options.CodesPerSession > 0 && codes > options.CodesPerSession)
            {
                // Refused whole: what the session had registered stays as it was.
                Send(RealMessages.Answer(trnm, 1, $"[{KiwoomErrors.TooManyCodes}:세션당 등록 가능한 종목 수({options.CodesPerSession})를 초과했습니다]"));
                return;
            }

            groups[group] = next;
            Send(RealMessages.Answer(trnm, 0, KiwoomErrors.Ok));
            // A client that registers the session messages mid-day learns the session it joined at once.
            if (trnm == "REG" && pairs.Contains(("", SessionItem.Type)) && sessions.LatestSession is { } latest)
            {
                Send(RealMessages.Real([latest]));
            }
        }
    }

    private static List<string>? Strings(JsonElement entry, string name) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
        && array.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
            ? array.EnumerateArray().Select(e => e.GetString()!).ToList()
            : null;

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in outbox.Reader.ReadAllAsync(cancellationToken))
            {
                await socket.SendAsync(frame, WebSocketMessageType.Text, true, cancellationToken);
            }

            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closed by server", cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The socket is gone; the receive loop ends the session.
        }
        finally
        {
            // The receive loop ends on the client's close frame, or on this deadline.
            closing.CancelAfter(CloseGrace);
        }
    }

    private async Task PingLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(options.PingInterval, time, cancellationToken);
                if (time.GetElapsedTime(Interlocked.Read(ref lastPong)) > options.PingTimeout)
                {
                    logger.LogWarning("A real-time client did not answer PING for {Timeout}; disconnecting it", options.PingTimeout);
                    Drop(null);
                    return;
                }

                Send("{\"trnm\":\"PING\"}");
            }
        }
        catch (OperationCanceledException)
        {
            // Session over.
        }
    }
}
