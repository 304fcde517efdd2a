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
    public const string Trade = "0B";

    public const string Book = "0D";

    /// <summary>0D 주식호가잔량: ask prices 41-50, bid prices 51-60, their quantities 61-70 / 71-80, totals 121 / 125.</summary>
    public static JsonObject BookItem(string code, Matching.Depth depth, TimeOnly time, long basePrice, Matching.AuctionPrice? expected = null)
    {
        var values = new JsonObject { ["21"] = Time(time) };
        for (var i = 0; i < 10; i++)
        {
            var ask = i < depth.Asks.Count ? depth.Asks[i] : default;
            var bid = i < depth.Bids.Count ? depth.Bids[i] : default;
            values[(41 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)] = ask.Price == 0 ? "0" : Signed(ask.Price, basePrice);
            values[(51 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)] = bid.Price == 0 ? "0" : Signed(bid.Price, basePrice);
            values[(61 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)] = Number(ask.Quantity);
            values[(71 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)] = Number(bid.Quantity);
        }

        values["121"] = Number(depth.TotalAsk);
        values["125"] = Number(depth.TotalBid);
        if (expected is { } auction)
        {
            // 예상체결가/수량 while the stock is in a call auction.
            values["23"] = auction.Volume == 0 ? "0" : Signed(auction.Price, basePrice);
            values["24"] = Number(auction.Volume);
        }
        return new JsonObject { ["type"] = Book, ["name"] = "주식호가잔량", ["item"] = code, ["values"] = values };
    }

    /// <summary>At most this many items go in one REAL frame: a burst (the opening) is spread over frames, as Kiwoom does.</summary>
    public const int MaxItemsPerFrame = 1_000;

    /// <summary>
    /// The REAL frames (UTF-8) of the trades (0B) a session registered, written straight from the trades because this
    /// is the hot path of fan-out, then any extra items (0D books), at most <see cref="MaxItemsPerFrame"/> items each.
    /// </summary>
    public static List<byte[]> TradeFrames(IReadOnlyList<SimTrade> trades, Func<string, string, bool> registered, IEnumerable<JsonObject> extra)
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
            WriteTrade(w, t);
            if (++items == MaxItemsPerFrame) End();
        }

        foreach (var item in extra)
        {
            if (items == 0) Begin();
            item.WriteTo(w);
            if (++items == MaxItemsPerFrame) End();
        }

        End();
        return frames;
    }

    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText NameName = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText ItemName = JsonEncodedText.Encode("item");
    private static readonly JsonEncodedText ValuesName = JsonEncodedText.Encode("values");
    private static readonly JsonEncodedText TradeName = JsonEncodedText.Encode("주식체결", JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    private static void WriteTrade(Utf8JsonWriter w, SimTrade t)
    {
        var b = t.BasePrice;
        w.WriteStartObject();
        w.WriteString(TypeName, Trade);
        w.WriteString(NameName, TradeName);
        w.WriteString(ItemName, t.Code);
        w.WriteStartObject(ValuesName);
        Span<char> buffer = stackalloc char[32];
        w.WriteString("20", Time(t.Time));
        WriteNumber(w, "10", t.Price, Direction(t.Price, b), buffer);
        WriteNumber(w, "11", Math.Abs(t.Price - b), Direction(t.Price, b), buffer);
        w.WriteString("12", Rate(t.Price, b));
        WriteNumber(w, "27", t.BestAsk, Direction(t.BestAsk, b), buffer);
        WriteNumber(w, "28", t.BestBid, Direction(t.BestBid, b), buffer);
        WriteNumber(w, "15", Math.Abs(t.Quantity), t.Quantity > 0 ? '+' : '-', buffer);
        WriteNumber(w, "13", t.Volume, null, buffer);
        WriteNumber(w, "14", t.TradingValue / 1_000_000, null, buffer);
        WriteNumber(w, "16", t.Open, Direction(t.Open, b), buffer);
        WriteNumber(w, "17", t.High, Direction(t.High, b), buffer);
        WriteNumber(w, "18", t.Low, Direction(t.Low, b), buffer);
        w.WriteString("25", SignCode(t.Price, b, t.Upper, t.Lower));
        var strength = t.SellVolume == 0 ? 0m : Math.Round(t.BuyVolume * 100m / t.SellVolume, 2);
        strength.TryFormat(buffer, out var written, "0.00", System.Globalization.CultureInfo.InvariantCulture);
        w.WriteString("228", buffer[..written]);
        w.WriteString("290", "2");
        WriteNumber(w, "1030", t.SellVolume, null, buffer);
        WriteNumber(w, "1031", t.BuyVolume, null, buffer);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static char? Direction(long price, long basePrice) => price > basePrice ? '+' : price < basePrice ? '-' : null;

    // Formats into a stack buffer: this runs for every trade of every session.
    private static void WriteNumber(Utf8JsonWriter w, string name, long value, char? sign, Span<char> buffer)
    {
        var start = 0;
        if (sign is { } s && value != 0) buffer[start++] = s;
        value.TryFormat(buffer[start..], out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        w.WriteString(name, buffer[..(start + written)]);
    }

    public static string Real(IEnumerable<JsonObject> items) =>
        Protocol.KiwoomJson.Write(new JsonObject { ["trnm"] = "REAL", ["data"] = new JsonArray([.. items]) });

    public static string Answer(string trnm, int returnCode, string message) =>
        Protocol.KiwoomJson.Write(new JsonObject { ["trnm"] = trnm, ["return_code"] = returnCode, ["return_msg"] = message });
}
