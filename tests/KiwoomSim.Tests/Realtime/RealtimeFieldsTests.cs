using System.Text.Json;
using Gslts.KiwoomSim.Accounts;
using Gslts.KiwoomSim.Market;
using Gslts.KiwoomSim.Matching;
using Gslts.KiwoomSim.Realtime;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gslts.KiwoomSim.Tests.Realtime;

/// <summary>Every real-time type the sim sends carries every field id of Kiwoom's spec, in the spec's order.</summary>
public sealed class RealtimeFieldsTests
{
    private const string Account = "50000001";
    private static readonly TimeOnly Ten = new(10, 0);

    /// <summary>The spec's field ids per type (test data: Realtime/kiwoom-realtime-fields.tsv).</summary>
    private static readonly ILookup<string, string> Spec = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Realtime", "kiwoom-realtime-fields.tsv"))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('\t'))
        .ToLookup(f => f[0], f => f[1]);

    [Fact]
    public void A_0B_trade_carries_every_field_of_the_spec()
    {
        var market = new SimMarket(MarketUniverse.LargeCaps, seed: 1);
        market.Advance(MarketPhase.Continuous, new TimeOnly(9, 0));
        var trades = market.Generate(500, Ten);

        var frame = JsonDocument.Parse(RealMessages.TradeFrames(trades, (code, type) => code == "005930" && type == "0B", [])[0]).RootElement;

        var item = frame.GetProperty("data")[0];
        Assert.Equal(("0B", "주식체결", "005930"), (Text(item, "type"), Text(item, "name"), Text(item, "item")));
        Assert.Equal(Spec["0B"], Ids(item.GetProperty("values")));
    }

    [Fact]
    public void A_0D_book_carries_every_field_of_the_spec()
    {
        var market = new SimMarket(MarketUniverse.LargeCaps, seed: 1);
        market.Advance(MarketPhase.Continuous, new TimeOnly(9, 0));
        market.Generate(500, Ten);
        var snapshot = market.ReadStock("005930", s => new BookSnapshot("005930", s.Book.Depth(), Ten, s.Listing.PreviousClose, null, s.Volume,
            s.Facts.PreviousVolume, "3"))!;

        var item = JsonDocument.Parse(new BookItems().Item(snapshot)).RootElement;

        Assert.Equal(("0D", "주식호가잔량", "005930"), (Text(item, "type"), Text(item, "name"), Text(item, "item")));
        Assert.Equal(Spec["0D"], Ids(item.GetProperty("values")));
    }

    [Fact]
    public void A_00_order_event_carries_every_field_of_the_spec()
    {
        var (events, _) = PlaceAndFill();

        var order = events.First(e => e.Type == "00").Item;

        Assert.Equal(("00", "주문체결", "005930"), ((string?)order["type"], (string?)order["name"], (string?)order["item"]));
        Assert.Equal(Spec["00"], order["values"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void A_04_balance_carries_every_field_of_the_spec()
    {
        var (events, _) = PlaceAndFill();

        var balance = events.First(e => e.Type == "04").Item;

        Assert.Equal(("04", "005930"), ((string?)balance["type"], (string?)balance["item"]));
        Assert.Equal(Spec["04"], balance["values"]!.AsObject().Select(p => p.Key));
        Assert.Equal("1", (string?)balance["values"]!["930"]);
    }

    [Fact]
    public void A_0s_session_change_carries_every_field_of_the_spec()
    {
        var items = SessionItem.For(MarketPhase.OpeningAuction, new TimeOnly(8, 40), KrxSessions.Regular);

        var item = Assert.Single(items);
        Assert.Equal(("0s", "장시작시간", ""), ((string?)item["type"], (string?)item["name"], (string?)item["item"]));
        Assert.Equal(Spec["0s"], item["values"]!.AsObject().Select(p => p.Key));
        Assert.Equal(("0", "084000", "002000"), ((string?)item["values"]!["215"], (string?)item["values"]!["20"], (string?)item["values"]!["214"]));
    }

    [Fact]
    public void A_1h_interruption_carries_every_field_of_the_spec()
    {
        var listing = MarketUniverse.LargeCaps[0];
        var vi = new ViEvent(listing, new ViTrigger(ViKind.Static, 78_100, 71_000, 77_900), false, Ten, Ten.AddMinutes(2), 1, 1_000, 71_000_000);

        var item = ViItem.For(vi);

        Assert.Equal(("1h", "VI발동/해제", "005930"), ((string?)item["type"], (string?)item["name"], (string?)item["item"]));
        Assert.Equal(Spec["1h"], item["values"]!.AsObject().Select(p => p.Key));
        var values = item["values"]!;
        Assert.Equal(("1", "78100", "100000", "100200", "정적", "71000", "0", "+10.00", "+정적"),
            ((string?)values["9068"], (string?)values["1221"], (string?)values["1223"], (string?)values["1224"], (string?)values["1225"],
                (string?)values["1236"], (string?)values["1237"], (string?)values["1238"], (string?)values["1279"]));
    }

    /// <summary>A 1-share market buy of 005930 against the flow's book: its 00 events and 04 balance.</summary>
    private static (List<AccountEvent> Events, List<SimTrade> Trades) PlaceAndFill()
    {
        var options = Options.Create(new SimOptions
        {
            Listings = MarketUniverse.LargeCaps.Count,
            Accounts = [new SimAccount { AppKey = "k", SecretKey = "s", AccountNo = Account }],
        });
        var market = new SimMarket(options, new SimClock(new FakeTimeProvider(), options));
        market.Advance(MarketPhase.Continuous, new TimeOnly(9, 0));
        market.Generate(500, Ten);
        var (trades, events) = (new List<SimTrade>(), new List<AccountEvent>());

        Assert.True(market.Place(Account, "005930", OrderSide.Buy, OrderType.Market, 0, 1, Ten, trades, events).Accepted);

        return (events, trades);
    }

    private static string? Text(JsonElement item, string name) => item.GetProperty(name).GetString();

    private static List<string> Ids(JsonElement values) => [.. values.EnumerateObject().Select(p => p.Name)];
}
