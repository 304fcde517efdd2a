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

    /// <summary>
    /// Sends each session the trades (0B) and, once per traded stock, the book after them (0D) that it registered for,
    /// several items per REAL frame. Books are built only for stocks some session asked 0D of.
    /// </summary>
    public void Publish(IReadOnlyList<SimTrade> trades, Func<string, JsonObject?> book, IEnumerable<string>? bookChanges = null)
    {
        var codes = trades.Select(t => t.Code).Concat(bookChanges ?? []).Distinct().ToList();
        if (codes.Count == 0 || byAppKey.IsEmpty) return;
        var books = new Dictionary<string, JsonObject?>();
        foreach (var session in byAppKey.Values)
        {
            session.SendRegistered(registered =>
            {
                var bookItems = new List<JsonObject>();
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
