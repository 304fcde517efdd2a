using System.Text;
using System.Text.Json;
using Gslts.KiwoomBridge.Realtime;

namespace Gslts.KiwoomBridge.Tests;

public sealed class RealFrameReaderTests
{
    private readonly RealFrameReader reader = new();

    private List<(string Type, string? Item, long? Price, string Time)> Items(string frame, out int malformed)
    {
        var items = new List<(string, string?, long?, string)>();
        malformed = reader.ReadItems(Encoding.UTF8.GetBytes(frame), (type, item, values) => items.Add((type, item, values.Price(10), values.Text(20))));
        return items;
    }

    [Fact]
    public void Every_item_of_a_real_frame_is_read_with_its_type_code_and_values()
    {
        var items = Items("""
            {"trnm":"REAL","data":[
              {"type":"0B","name":"주식체결","item":"005930","values":{"20":"090001","10":"+70200"}},
              {"type":"0D","name":"주식호가잔량","item":"000660","values":{"21":"090001","41":"+198500"}},
              {"type":"0B","name":"주식체결","item":"000660","values":{"20":"090002","10":"-198000"}}]}
            """, out var malformed);

        Assert.Equal(0, malformed);
        Assert.Equal([("0B", "005930", 70_200L, "090001"), ("0D", "000660", null, ""), ("0B", "000660", 198_000L, "090002")], items);
    }

    [Fact]
    public void Values_before_the_type_and_escaped_text_are_read_the_same()
    {
        var items = Items("""
            {"data":[{"values":{"20":"090001","10":"\u002B70200"},"item":"\u0030\u0030\u0035930","type":"0B"}],"trnm":"REAL"}
            """, out _);

        Assert.Equal([("0B", "005930", 70_200L, "090001")], items);
    }

    [Fact]
    public void Items_that_are_not_objects_or_have_no_type_are_counted_and_the_rest_still_read()
    {
        var items = Items("""
            {"trnm":"REAL","data":["0B",{"item":"005930","values":{}},{"type":"0B","item":"005930","values":{"10":"+70200"}},[1]]}
            """, out var malformed);

        Assert.Equal(3, malformed);
        Assert.Equal([("0B", "005930", 70_200L, "")], items);
    }

    [Fact]
    public void A_frame_cut_off_mid_way_hands_on_the_items_before_the_cut_then_throws()
    {
        var items = new List<string?>();
        var frame = Encoding.UTF8.GetBytes("""{"trnm":"REAL","data":[{"type":"0B","item":"005930","values":{"10":"+1"}},{"type":"0B","item":"0006""");

        Assert.ThrowsAny<JsonException>(() => reader.ReadItems(frame, (_, item, _) => items.Add(item)));
        Assert.Equal(["005930"], items);
    }

    [Theory]
    [InlineData("""{"trnm":"PING"}""", "PING")]
    [InlineData("""{"return_code":0,"trnm":"LOGIN","return_msg":""}""", "LOGIN")]
    [InlineData("""{"data":[{"type":"0B"}],"trnm":"REAL"}""", "REAL")]
    [InlineData("""{"code":"R10001"}""", null)]
    [InlineData("""[1,2]""", null)]
    public void The_frame_kind_is_read_from_trnm_wherever_it_stands(string frame, string? trnm)
    {
        Assert.Equal(trnm, reader.Trnm(Encoding.UTF8.GetBytes(frame)));
    }

    [Fact]
    public void A_frame_that_is_not_json_throws()
    {
        Assert.ThrowsAny<JsonException>(() => reader.Trnm("not json"u8));
    }

    [Fact]
    public void The_same_code_is_the_same_string_every_time()
    {
        string? first = null, second = null;
        reader.ReadItems("""{"data":[{"type":"0B","item":"035420"}]}"""u8, (_, item, _) => first = item);
        reader.ReadItems("""{"data":[{"type":"0B","item":"035420"}]}"""u8, (_, item, _) => second = item);

        Assert.Equal("035420", first);
        Assert.Same(first, second);
    }

    [Theory]
    [InlineData("+70200", 70_200L)]
    [InlineData("-000000000150", -150L)]
    [InlineData("0001234567", 1_234_567L)]
    [InlineData("  42", 42L)]
    [InlineData("", null)]
    [InlineData("+", null)]
    [InlineData("7O200", null)]
    [InlineData("1234567890123456789", null)]
    public void Signed_numbers_are_read_from_kiwoom_text(string text, long? expected)
    {
        Assert.Equal(expected, RealValues.Of($$"""{"10":"{{text}}"}""").Signed(10));
    }

    [Theory]
    [InlineData("090001", "09:00:01")]
    [InlineData("235959", "23:59:59")]
    [InlineData("240000", null)]
    [InlineData("0900", null)]
    [InlineData("09a001", null)]
    public void Times_are_read_as_hhmmss(string text, string? expected)
    {
        Assert.Equal(expected is null ? null : TimeOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            RealValues.Of($$"""{"20":"{{text}}"}""").Time(20));
    }

    [Fact]
    public void Values_of_one_item_do_not_leak_into_the_next()
    {
        var prices = new List<long?>();
        reader.ReadItems("""{"data":[{"type":"0B","values":{"10":"+5","13":"9"}},{"type":"0B","values":{"15":"+1"}}]}"""u8,
            (_, _, values) => prices.Add(values.Signed(13)));

        Assert.Equal([9L, null], prices);
    }
}
