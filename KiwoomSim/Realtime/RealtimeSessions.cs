using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Market;
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
            previous.Drop(new JsonObject { ["trnm"] = "SYSTEM", ["code"] = "R10001", ["message"] = "동일한 App key로 접속이 이루어져 접속이 해제됩니다" }.ToJsonString());
        }
    }

    public void Leave(string appKey, RealtimeSession session) =>
        byAppKey.TryRemove(new KeyValuePair<string, RealtimeSession>(appKey, session));

    /// <summary>Sends each session the trades it registered for, several items per REAL frame.</summary>
    public void Publish(IReadOnlyList<SimTrade> trades)
    {
        if (trades.Count == 0) return;
        foreach (var session in byAppKey.Values)
        {
            var wanted = trades.Where(t => session.IsRegistered(t.Code, RealMessages.Trade)).ToList();
            if (wanted.Count == 0) continue;
            session.Send(RealMessages.Real(wanted.Select(RealMessages.TradeItem)));
        }
    }

    /// <summary>Closes every session at once (fault injection and tests).</summary>
    public void DropAll()
    {
        foreach (var session in byAppKey.Values) session.Drop(null);
    }
}
