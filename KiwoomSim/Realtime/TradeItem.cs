using System.Text.Encodings.Web;
using System.Text.Json;
using Gslts.KiwoomSim.Market;
using static Gslts.KiwoomSim.Realtime.RealWriter;

namespace Gslts.KiwoomSim.Realtime;

/// <summary>0B 주식체결: every field of Kiwoom's spec, in its order, from the trade and the stock's day after it.</summary>
public static class TradeItem
{
    public const string Type = "0B";

    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText NameName = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText ItemName = JsonEncodedText.Encode("item");
    private static readonly JsonEncodedText ValuesName = JsonEncodedText.Encode("values");
    private static readonly JsonEncodedText TypeValue = JsonEncodedText.Encode(Type);
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("주식체결", JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    public static void Write(Utf8JsonWriter w, SimTrade t)
    {
        var b = t.BasePrice;
        var quantity = Math.Abs(t.Quantity);
        var previousVolume = t.Facts?.PreviousVolume ?? 0;
        var shares = t.Facts?.Listing.Shares ?? 0;
        w.WriteStartObject();
        w.WriteString(TypeName, TypeValue);
        w.WriteString(NameName, Name);
        w.WriteString(ItemName, t.Code);
        w.WriteStartObject(ValuesName);
        Time(w, 20, t.Time);
        Price(w, 10, t.Price, b);
        Change(w, 11, t.Price, b);
        Rate(w, 12, t.Price, b);
        Price(w, 27, t.BestAsk, b);
        Price(w, 28, t.BestBid, b);
        Signed(w, 15, t.Quantity);
        Number(w, 13, t.Volume);
        Number(w, 14, t.TradingValue / 1_000_000);
        Price(w, 16, t.Open, b);
        Price(w, 17, t.High, b);
        Price(w, 18, t.Low, b);
        Text(w, 25, Protocol.KiwoomFormat.SignCode(t.Price, b, t.Upper, t.Lower));
        Signed(w, 26, t.Volume - previousVolume);
        Signed(w, 29, t.TradingValue - (t.Facts?.PreviousTradingValue ?? 0));
        // 전일거래량대비(비율): today's volume as a share of yesterday's, signed by whether it is below or above it.
        Percent(w, 30, previousVolume == 0 ? 0 : Math.Sign(t.Volume - previousVolume) * t.Volume * 100m / previousVolume, signed: true);
        Ratio(w, 31, t.Volume, shares);
        Number(w, 32, 0);
        Percent(w, 228, t.SellVolume == 0 ? 0 : t.BuyVolume * 100m / t.SellVolume);
        Number(w, 311, (long)(t.Price * (decimal)shares / 100_000_000));
        Text(w, 290, "2");
        Number(w, 691, 0);
        Time(w, 567, t.UpperAt);
        Time(w, 568, t.LowerAt);
        // Yesterday's volume by this time of day, on the same U-shaped day the sim's past minute bars follow.
        Ratio(w, 851, t.Volume, (long)(previousVolume * IntradayVolume.ShareBy(t.Time)));
        Time(w, 1890, t.OpenAt);
        Time(w, 1891, t.HighAt);
        Time(w, 1892, t.LowAt);
        Number(w, 1030, t.SellVolume);
        Number(w, 1031, t.BuyVolume);
        Ratio(w, 1032, t.BuyVolume, t.BuyVolume + t.SellVolume);
        Number(w, 1071, t.SellTrades);
        Number(w, 1072, t.BuyTrades);
        Number(w, 1313, t.Price * quantity);
        Number(w, 1315, t.Quantity < 0 ? quantity : 0);
        Number(w, 1316, t.Quantity > 0 ? quantity : 0);
        Signed(w, 1314, t.BuyVolume - t.SellVolume);
        // No CFDs or stock lending at the sim: their margins and costs are zero.
        Number(w, 1497, 0);
        Number(w, 1498, 0);
        Number(w, 620, t.Volume == 0 ? 0 : t.TradingValue / t.Volume);
        Number(w, 732, 0);
        Number(w, 852, 0);
        Text(w, 9081, "1");
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
