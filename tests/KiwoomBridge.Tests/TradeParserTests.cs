using System.Text.Json;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.KiwoomBridge.Auth;
using Gslts.KiwoomBridge.Realtime;

namespace Gslts.KiwoomBridge.Tests;

public sealed class TradeParserTests
{
    private static readonly DateOnly Day = new(2026, 11, 24);

    private static JsonElement Values(string json) => JsonDocument.Parse(json).RootElement;

    private static RealValues Fields(string json) => RealValues.Of(json);

    [Fact]
    public void A_0B_trade_is_read_from_kiwoom_string_formats()
    {
        var values = Fields("""
            {"20":"090001","10":"+70200","11":"+200","12":"+0.29","27":"+70300","28":"+70200","15":"-000000000150",
             "13":"0001234567","14":"86712","16":"-69800","17":"+70500","18":"-69700","25":"2","228":"98.21","290":"2"}
            """);

        var (parsed, rejection) = TradeParser.Parse("005930", values, Day);

        Assert.Null(rejection);
        var tick = Assert.NotNull(parsed);
        Assert.Equal("005930", tick.Code);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 0, 1, TimeSpan.FromHours(9)), tick.Time);
        Assert.Equal((70_200L, -150L, 200L), (tick.Price, tick.Quantity, tick.Change));
        Assert.Equal((69_800L, 70_500L, 69_700L), (tick.DayOpen, tick.DayHigh, tick.DayLow));
        Assert.Equal(1_234_567, tick.CumulativeVolume);
        Assert.Equal(70_000, tick.BasePrice);
    }

    [Fact]
    public void A_price_below_the_base_keeps_its_direction_only_in_the_change()
    {
        var tick = Assert.NotNull(TradeParser.Parse("A000660", Fields("""{"20":"151959","10":"-198000","11":"-1500","15":"+3","13":"3"}"""), Day).Tick);

        Assert.Equal(("000660", 198_000L, -1_500L, 3L), (tick.Code, tick.Price, tick.Change, tick.Quantity));
    }

    [Theory]
    [InlineData("005930", """{"10":"+70200","15":"+1"}""", "time")]
    [InlineData("005930", """{"20":"256161","10":"+70200","15":"+1"}""", "time")]
    [InlineData("005930", """{"20":"090001","10":"abc","15":"+1"}""", "price")]
    [InlineData("005930", """{"20":"090001","10":"+70200","15":"0"}""", "quantity")]
    [InlineData("005930", """{"20":"090001","10":"+70200","15":"+5"}""", "cumulative volume")]
    [InlineData("005930", """{"20":"090001","10":"+70200","15":"+5","13":"4"}""", "cumulative volume")]
    [InlineData("005930_NX", """{"20":"090001","10":"+70200","15":"+1"}""", "code")]
    [InlineData("59-30", """{"20":"090001","10":"+70200","15":"+1"}""", "code")]
    public void A_malformed_trade_is_rejected_with_a_reason(string item, string values, string reason)
    {
        var (tick, rejection) = TradeParser.Parse(item, Fields(values), Day);

        Assert.Null(tick);
        Assert.Contains(reason, rejection);
    }

    [Fact]
    public void A_0D_book_is_read_best_first_with_empty_levels_left_out_and_the_auction_estimate()
    {
        var values = Fields("""
            {"21":"085959","41":"+70300","42":"+70400","43":"0","51":"+70200","52":"-69900","61":"120","62":"50","63":"0",
             "71":"300","72":"40","121":"170","125":"340","23":"+70200","24":"15000"}
            """);

        var (book, rejection) = BookParser.Parse("005930", values, Day);

        Assert.Null(rejection);
        Assert.Equal([new(70_300, 120), new(70_400, 50)], book!.Asks);
        Assert.Equal([new(70_200, 300), new(69_900, 40)], book.Bids);
        Assert.Equal((170L, 340L, 70_200L, 15_000L), (book.TotalAsk, book.TotalBid, book.ExpectedPrice!.Value, book.ExpectedVolume!.Value));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 59, 59, TimeSpan.FromHours(9)), book.Time);
    }

    [Fact]
    public void A_0D_without_its_time_is_rejected()
    {
        var (book, rejection) = BookParser.Parse("005930", Fields("""{"41":"+70300"}"""), Day);

        Assert.Null(book);
        Assert.Contains("time", rejection);
    }

    [Theory]
    [InlineData("허용된 요청 개수를 초과하였습니다[1700:허용된 요청 개수를 초과하였습니다. API ID=kt00001]", 1700)]
    [InlineData("Token이 유효하지 않습니다[8005:Token이 유효하지 않습니다]", 8005)]
    [InlineData("정상적으로 처리되었습니다", null)]
    public void The_kiwoom_code_is_read_from_the_bracket_in_return_msg(string message, int? code)
    {
        Assert.Equal(code, KiwoomError.CodeOf(message));
    }

    [Fact]
    public void A_non_zero_return_code_throws_with_the_bracketed_code()
    {
        var body = Values("""{"return_code":3,"return_msg":"Token이 유효하지 않습니다[8005:Token이 유효하지 않습니다]"}""");

        var error = Assert.Throws<KiwoomException>(() => KiwoomError.ThrowIfFailed(body, "ka10001"));

        Assert.Equal((3, 8005), (error.ReturnCode, error.KiwoomCode));
        Assert.True(error.IsTokenProblem);
    }
}
