using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gslts.KiwoomSim.Matching;
using static Gslts.KiwoomSim.Realtime.RealWriter;

namespace Gslts.KiwoomSim.Realtime;

/// <summary>What a 0D item is built from: the book and what the sim knows of the stock at that moment.</summary>
/// <param name="Expected">The call auction's expected single price and volume, while the stock is in one.</param>
/// <param name="Session">The market's 장운영구분 now (the 0s code).</param>
public sealed record BookSnapshot(
    string Code, Depth Depth, TimeOnly Time, long BasePrice, AuctionPrice? Expected, long Volume, long PreviousVolume, string Session);

/// <summary>
/// 0D 주식호가잔량: every field of Kiwoom's spec, in its order, written once per stock and shared by every session. It
/// remembers each stock's last book, for the 직전대비 fields (how each price's quantity changed since the last 0D).
/// </summary>
public sealed class BookItems
{
    public const string Type = "0D";

    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("주식호가잔량", JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    private readonly Dictionary<string, Depth> last = [];
    private readonly Lock gate = new();
    // One writer, reused under the lock: a busy tick writes a book for every traded stock.
    private readonly ArrayBufferWriter<byte> buffer = new(8192);
    private readonly Utf8JsonWriter writer;

    public BookItems() => writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The item's UTF-8 JSON (<c>{"type":"0D",...,"values":{...}}</c>).</summary>
    public byte[] Item(BookSnapshot book)
    {
        lock (gate)
        {
            var before = last.GetValueOrDefault(book.Code);
            last[book.Code] = book.Depth;
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            var w = writer;
            w.WriteStartObject();
            w.WriteString("type", Type);
            w.WriteString("name", Name);
            w.WriteString("item", book.Code);
            w.WriteStartObject("values");
            Write(w, book, before);
            w.WriteEndObject();
            w.WriteEndObject();
            w.Flush();
            return buffer.WrittenSpan.ToArray();
        }
    }

    private static void Write(Utf8JsonWriter w, BookSnapshot book, Depth? before)
    {
        var (depth, b) = (book.Depth, book.BasePrice);
        Time(w, 21, book.Time);
        for (var i = 0; i < 10; i++)
        {
            var ask = i < depth.Asks.Count ? depth.Asks[i] : default;
            var bid = i < depth.Bids.Count ? depth.Bids[i] : default;
            Price(w, 41 + i, ask.Price, b);
            Number(w, 61 + i, ask.Quantity);
            Signed(w, 81 + i, ask.Quantity - Previous(before?.Asks, ask.Price));
            Price(w, 51 + i, bid.Price, b);
            Number(w, 71 + i, bid.Quantity);
            Signed(w, 91 + i, bid.Quantity - Previous(before?.Bids, bid.Price));
        }

        Number(w, 121, depth.TotalAsk);
        Signed(w, 122, depth.TotalAsk - (before?.TotalAsk ?? 0));
        Number(w, 125, depth.TotalBid);
        Signed(w, 126, depth.TotalBid - (before?.TotalBid ?? 0));
        var (expected, volume) = book.Expected is { Volume: > 0 } auction ? (auction.Price, auction.Volume) : (0L, 0L);
        Number(w, 23, expected);
        Number(w, 24, volume);
        Signed(w, 128, depth.TotalBid - depth.TotalAsk);
        Ratio(w, 129, depth.TotalBid, depth.TotalAsk);
        Signed(w, 138, depth.TotalAsk - depth.TotalBid);
        Ratio(w, 139, depth.TotalAsk, depth.TotalBid);
        // The expected price against the previous close (200/201/238) and against the base price (291–295): one price at the sim.
        Change(w, 200, expected, b);
        Rate(w, 201, expected, b);
        Text(w, 238, Sign(expected, b));
        Number(w, 291, expected);
        Number(w, 292, volume);
        Text(w, 293, Sign(expected, b));
        Change(w, 294, expected, b);
        Rate(w, 295, expected, b);
        for (var i = 0; i < 10; i++)
        {
            // No liquidity providers quote at the sim.
            Number(w, 621 + i, 0);
            Number(w, 631 + i, 0);
        }

        Number(w, 13, book.Volume);
        Percent(w, 299, book.PreviousVolume == 0 ? 0 : volume * 100m / book.PreviousVolume, signed: true);
        Text(w, 215, book.Session);
        Text(w, 216, "");
        // Every order rests on KRX at the sim: KRX's quantities are the book's, Nextrade's are zero.
        for (var i = 0; i < 10; i++) Number(w, 6044 + i, i < depth.Asks.Count ? depth.Asks[i].Quantity : 0);
        for (var i = 0; i < 10; i++) Number(w, 6054 + i, i < depth.Bids.Count ? depth.Bids[i].Quantity : 0);
        Number(w, 6064, depth.TotalAsk);
        Number(w, 6065, depth.TotalBid);
        for (var id = 6066; id <= 6087; id++) Number(w, id, 0);
        // 중간가: the midpoint of KRX's best prices; no midpoint orders rest at the sim, and none on Nextrade.
        var mid = depth.Asks.Count > 0 && depth.Bids.Count > 0 ? (depth.Asks[0].Price + depth.Bids[0].Price) / 2 : 0;
        Number(w, 6100, 0);
        Number(w, 6101, 0);
        Number(w, 6102, mid);
        Number(w, 6103, 0);
        Number(w, 6104, 0);
        for (var id = 6105; id <= 6109; id++) Number(w, id, 0);
        Change(w, 6110, mid, b);
        Text(w, 6111, Sign(mid, b));
        Rate(w, 6112, mid, b);
        Number(w, 6113, 0);
        Text(w, 6114, "3");
        Percent(w, 6115, 0);
    }

    /// <summary>전일대비기호 without limits: 2 up, 3 flat (or no price), 5 down.</summary>
    private static string Sign(long price, long basePrice) => price == 0 || price == basePrice ? "3" : price > basePrice ? "2" : "5";

    private static long Previous(IReadOnlyList<Level>? levels, long price)
    {
        if (levels is null || price == 0) return 0;
        foreach (var level in levels)
        {
            if (level.Price == price) return level.Quantity;
        }

        return 0;
    }
}
