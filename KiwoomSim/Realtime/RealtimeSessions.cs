using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Market;
using Gslts.KiwoomSim.Protocol;
using Microsoft.Extensions.Logging;

namespace Gslts.KiwoomSim.Realtime;

/// <summary>Every logged-in WebSocket session; one per app key, as at Kiwoom.</summary>
public sealed class RealtimeSessions(ILogger<RealtimeSessions> logger)
{
    private readonly ConcurrentDictionary<string, RealtimeSession> byAppKey = new();

    public int Count => byAppKey.Count;

    /// <summary>Makes <paramref name="session"/> the app key's session; the one it replaces is told R10001 and closed.</summary>
    public void LogIn(string appKey, RealtimeSession session)
    {
        RealtimeSession? previous = null;
        byAppKey.AddOrUpdate(appKey, session, (_, old) =>
        {
            previous = old;
            return session;
        });
        if (previous is not null && previous != session)
        {
            logger.LogWarning("A second LOGIN for the same app key: dropping the earlier session");
            previous.Drop(KiwoomJson.Write(new JsonObject { ["trnm"] = "SYSTEM", ["code"] = "R10001", ["message"] = "동일한 App key로 접속이 이루어져 접속이 해제됩니다" }));
        }
    }

    public void Leave(string appKey, RealtimeSession session) =>
        byAppKey.TryRemove(new KeyValuePair<string, RealtimeSession>(appKey, session));

    private JsonObject? latestSession;

    /// <summary>The last 0s item sent (the market's session now), or null before the first.</summary>
    public JsonObject? LatestSession => latestSession?.DeepClone().AsObject();

    /// <summary>
    /// Sends each session the trades (0B) and, once per traded stock, the book after them (0D) that it registered for,
    /// several items per REAL frame. Books are built only for stocks some session asked 0D of.
    /// </summary>
    public void Publish(IReadOnlyList<SimTrade> trades, Func<string, byte[]?> book, IEnumerable<string>? bookChanges = null)
    {
        var codes = trades.Select(t => t.Code).Concat(bookChanges ?? []).Distinct().ToList();
        if (codes.Count == 0 || byAppKey.IsEmpty) return;
        var books = new Dictionary<string, byte[]?>();
        foreach (var session in byAppKey.Values)
        {
            session.SendRegistered(registered =>
            {
                var bookItems = new List<byte[]>();
                foreach (var code in codes)
                {
                    if (!registered(code, RealMessages.Book)) continue;
                    if (!books.TryGetValue(code, out var item)) books[code] = item = book(code);
                    if (item is not null) bookItems.Add(item);
                }

                return RealMessages.TradeFrames(trades, registered, bookItems);
            });
        }
    }

    /// <summary>0s: the market's session changed; every session that registered 0s hears it.</summary>
    public void PublishSession(IReadOnlyList<JsonObject> items)
    {
        if (items.Count == 0) return;
        latestSession = (JsonObject)items[^1].DeepClone();
        var frame = System.Text.Encoding.UTF8.GetBytes(RealMessages.Real(items.Select(i => (JsonObject)i.DeepClone())));
        foreach (var session in byAppKey.Values) session.SendRegistered(registered => registered("", SessionItem.Type) ? [frame] : []);
    }

    /// <summary>1h: VIs set off and released, to sessions that registered 1h for every stock (item "") or for that stock.</summary>
    public void PublishInterruptions(IReadOnlyList<ViEvent> interruptions)
    {
        if (interruptions.Count == 0 || byAppKey.IsEmpty) return;
        var items = interruptions.Select(v => (Code: v.Listing.Code, Item: ViItem.For(v))).ToList();
        foreach (var session in byAppKey.Values)
        {
            session.SendRegistered(registered =>
            {
                var mine = items.Where(i => registered("", ViItem.Type) || registered(i.Code, ViItem.Type)).Select(i => (JsonObject)i.Item.DeepClone()).ToList();
                return mine.Count > 0 ? [System.Text.Encoding.UTF8.GetBytes(RealMessages.Real(mine))] : [];
            });
        }
    }

    /// <summary>Sends each account's 00/04 items to its session, when it registered them (item "").</summary>
    public void PublishAccount(IReadOnlyList<Accounts.AccountEvent> events)
    {
        if (events.Count == 0) return;
        foreach (var session in byAppKey.Values)
        {
            session.SendRegistered(registered =>
            {
                var items = events.Where(e => e.AccountNo == session.AccountNo && registered("", e.Type)).Select(e => (JsonObject)e.Item.DeepClone()).ToList();
                return items.Count > 0 ? [System.Text.Encoding.UTF8.GetBytes(RealMessages.Real(items))] : [];
            });
        }
    }

    /// <summary>Closes every session at once (fault injection and tests).</summary>
    public void DropAll()
    {
        foreach (var session in byAppKey.Values) session.Drop(null);
    }
}
