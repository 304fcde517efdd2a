using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Market;
using static Gslts.KiwoomSim.Protocol.KiwoomFormat;

namespace Gslts.KiwoomSim.Realtime;

/// <summary>Builds Kiwoom's real-time frames: <c>{"trnm":"REAL","data":[{"type":"0B",...,"values":{...}}]}</c>.</summary>
public static class RealMessages
{
    public const string Trade = TradeItem.Type;

    public const string Book = BookItems.Type;

    /// <summary>Every real-time type the sim serves (REG of another is refused).</summary>
    public static readonly IReadOnlySet<string> Types = new HashSet<string>
    {
        Trade, Book, Accounts.AccountMessages.OrderType, Accounts.AccountMessages.BalanceType, SessionItem.Type, ViItem.Type,
    };

    /// <summary>Types that follow the account or the whole market rather than a code: registered with item "" (or none).</summary>
    public static readonly IReadOnlySet<string> MarketWide = new HashSet<string>
    {
        Accounts.AccountMessages.OrderType, Accounts.AccountMessages.BalanceType, SessionItem.Type, ViItem.Type,
    };

    /// <summary>At most this many items go in one REAL frame: a burst (the opening) is spread over frames, as Kiwoom does.</summary>
    public const int MaxItemsPerFrame = 1_000;

    /// <summary>
    /// The REAL frames (UTF-8) of the trades (0B) a session registered, written straight from the trades because this
    /// is the hot path of fan-out, then any extra items already written (0D books), at most
    /// <see cref="MaxItemsPerFrame"/> items each.
    /// </summary>
    public static List<byte[]> TradeFrames(IReadOnlyList<SimTrade> trades, Func<string, string, bool> registered, IEnumerable<byte[]> extra)
    {
        var frames = new List<byte[]>();
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var items = 0;

        void Begin()
        {
            w.WriteStartObject();
            w.WriteString("trnm", "REAL");
            w.WriteStartArray("data");
        }

        void End()
        {
            if (items == 0) return;
            w.WriteEndArray();
            w.WriteEndObject();
            w.Flush();
            frames.Add(buffer.WrittenSpan.ToArray());
            buffer.ResetWrittenCount();
            w.Reset(buffer);
            items = 0;
        }

        foreach (var t in trades)
        {
            if (!registered(t.Code, Trade)) continue;
            if (items == 0) Begin();
            TradeItem.Write(w, t);
            if (++items == MaxItemsPerFrame) End();
        }

        foreach (var item in extra)
        {
            if (items == 0) Begin();
            w.WriteRawValue(item, skipInputValidation: true);
            if (++items == MaxItemsPerFrame) End();
        }

        End();
        return frames;
    }

    public static string Real(IEnumerable<JsonObject> items) =>
        Protocol.KiwoomJson.Write(new JsonObject { ["trnm"] = "REAL", ["data"] = new JsonArray([.. items]) });

    public static string Answer(string trnm, int returnCode, string message) =>
        Protocol.KiwoomJson.Write(new JsonObject { ["trnm"] = trnm, ["return_code"] = returnCode, ["return_msg"] = message });
}
