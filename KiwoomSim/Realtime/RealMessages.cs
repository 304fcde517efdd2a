using System.Text.Json.Nodes;
using Gslts.Grains.Krx;
using Gslts.KiwoomSim.Market;
using static Gslts.KiwoomSim.Protocol.KiwoomFormat;

namespace Gslts.KiwoomSim.Realtime;

/// <summary>Builds Kiwoom's real-time frames: <c>{"trnm":"REAL","data":[{"type":"0B",...,"values":{...}}]}</c>.</summary>
public static class RealMessages
{
    public const string Trade = "0B";

    public static JsonObject TradeItem(SimTrade t)
    {
        var b = t.BasePrice;
        var limits = PriceLimits.From(b);
        var strength = t.SellVolume == 0 ? 0m : Math.Round(t.BuyVolume * 100m / t.SellVolume, 2);
        return new JsonObject
        {
            ["type"] = Trade,
            ["name"] = "주식체결",
            ["item"] = t.Code,
            ["values"] = new JsonObject
            {
                ["20"] = Time(t.Time),
                ["10"] = Signed(t.Price, b),
                ["11"] = Signed(t.Price - b),
                ["12"] = Rate(t.Price, b),
                ["27"] = Signed(t.BestAsk, b),
                ["28"] = Signed(t.BestBid, b),
                ["15"] = Signed(t.Quantity),
                ["13"] = Number(t.Volume),
                ["14"] = Number(t.TradingValue / 1_000_000),
                ["16"] = Signed(t.Open, b),
                ["17"] = Signed(t.High, b),
                ["18"] = Signed(t.Low, b),
                ["25"] = SignCode(t.Price, b, limits.Upper, limits.Lower),
                ["228"] = strength.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                ["290"] = "2",
                ["1030"] = Number(t.SellVolume),
                ["1031"] = Number(t.BuyVolume),
            },
        };
    }

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

    public static string Real(IEnumerable<JsonObject> items) =>
        Protocol.KiwoomJson.Write(new JsonObject { ["trnm"] = "REAL", ["data"] = new JsonArray([.. items]) });

    public static string Answer(string trnm, int returnCode, string message) =>
        Protocol.KiwoomJson.Write(new JsonObject { ["trnm"] = trnm, ["return_code"] = returnCode, ["return_msg"] = message });
}
