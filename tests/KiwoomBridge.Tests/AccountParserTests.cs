using Gslts.Grains.Interfaces.Accounts;
using Gslts.KiwoomBridge.Realtime;

namespace Gslts.KiwoomBridge.Tests;

public sealed class AccountParserTests
{
    private static RealValues Values(string json) => RealValues.Of(json);

    [Fact]
    public void A_00_fill_is_read_as_the_orders_state_after_it()
    {
        var values = Values("""
            {"9201":"50000001","9203":"0000123","9001":"A005930","302":"삼성전자","913":"체결","900":"000000000010","901":"000000070200",
             "902":"000000000004","903":"000000421200","904":"0000000","905":"+매수","906":"보통","907":"2","908":"090105","909":"00001236",
             "910":"000000070200","911":"000000000006","914":"70200","915":"2","938":"63","939":"0"}
            """);

        var (order, rejection) = AccountParser.Order(values);

        Assert.Null(rejection);
        Assert.Equal(new BrokerOrder("0000123", null, "005930", OrderSide.Buy, 10, 70_200, 6, 4, 70_200), order);
        Assert.Equal(OrderState.PartiallyFilled, order!.State);
    }

    [Fact]
    public void A_00_for_a_modified_sell_names_the_order_it_came_from()
    {
        var (order, _) = AccountParser.Order(Values("""
            {"9203":"0000130","9001":"000660","913":"접수","900":"5","901":"198500","902":"5","904":"0000124","905":"매도정정","907":"1","911":"0","910":"0"}
            """));

        Assert.Equal(("0000124", OrderSide.Sell, OrderState.Open), (order!.OriginalOrderNo, order.Side, order.State));
    }

    [Theory]
    [InlineData("""{"9001":"005930","907":"2","900":"10","902":"10"}""")]
    [InlineData("""{"9203":"1","9001":"005930","907":"3","900":"10","902":"10"}""")]
    [InlineData("""{"9203":"1","9001":"59-30","907":"2","900":"10","902":"10"}""")]
    [InlineData("""{"9203":"1","9001":"005930","907":"2","900":"0","902":"0"}""")]
    [InlineData("""{"9203":"1","9001":"005930","907":"2","900":"10"}""")]
    public void A_malformed_00_is_rejected_with_the_fields_it_needs(string json)
    {
        var (order, rejection) = AccountParser.Order(Values(json));

        Assert.Null(order);
        Assert.Contains("9203", rejection);
    }

    [Fact]
    public void A_04_is_read_as_a_holding_and_the_cash()
    {
        var (holding, cash, rejection) = AccountParser.Holding(Values("""
            {"9201":"50000001","9001":"A005930","302":"삼성전자","10":"+70300","930":"6","931":"70200","932":"421200","933":"6",
             "946":"2","950":"0","951":"99578737","8019":"0.14"}
            """));

        Assert.Null(rejection);
        Assert.Equal((new Holding("005930", "삼성전자", 6, 6, 70_200), 99_578_737L), (holding, cash));
    }

    [Fact]
    public void A_04_without_the_cash_is_rejected()
    {
        var (holding, _, rejection) = AccountParser.Holding(Values("""{"9001":"005930","930":"6"}"""));

        Assert.Null(holding);
        Assert.Contains("951", rejection);
    }
}
