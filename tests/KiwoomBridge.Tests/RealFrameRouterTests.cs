using System.Text;
using Gslts.KiwoomBridge.Accounts;
using Gslts.KiwoomBridge.Feeding;
using Gslts.KiwoomBridge.Realtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomBridge.Tests;

public sealed class RealFrameRouterTests
{
    private readonly (IGrainFactory Factory, RecordingGrains Recorder) grains = RecordingGrains.Create();
    private readonly FeedStatus status = new();
    private readonly CapturedLogs logs = new();
    private readonly RealFrameRouter router;
    private readonly RealFrameReader reader = new();

    public RealFrameRouterTests()
    {
        var feeder = new TickFeeder(grains.Factory, new Feeding.FakeExchange(), Options.Create(new KiwoomOptions()), TimeProvider.System,
            NullLogger<TickFeeder>.Instance);
        var accounts = new AccountFeed(grains.Factory, Options.Create(new KiwoomOptions()), TimeProvider.System, NullLogger<AccountFeed>.Instance);
        router = new RealFrameRouter(feeder, accounts, status, logs.CreateLogger("router"));
    }

    private void Route(string json) => router.Route(reader, Encoding.UTF8.GetBytes(json), new DateOnly(2026, 3, 2), TimeProvider.System.GetTimestamp());

    [Fact]
    public void A_0s_item_becomes_the_market_session_the_bridge_keeps()
    {
        Route("""{"trnm":"REAL","data":[{"type":"0s","name":"장시작시간","item":"","values":{"215":"0","20":"084000","214":"002000"}}]}""");
        Route("""{"trnm":"REAL","data":[{"type":"0s","name":"장시작시간","item":"","values":{"215":"3","20":"090000","214":"000000"}}]}""");

        Assert.Equal(new MarketSession("3", "장시작", new TimeOnly(9, 0), TimeSpan.Zero), status.MarketSession);
        Assert.Equal(0, status.Rejected);
    }

    [Fact]
    public void The_time_left_to_the_open_is_kept_from_0s()
    {
        Route("""{"trnm":"REAL","data":[{"type":"0s","item":"","values":{"215":"0","20":"084000","214":"002000"}}]}""");

        Assert.Equal(TimeSpan.FromMinutes(20), status.MarketSession!.UntilOpen);
        Assert.Equal("장시작전", status.MarketSession.Meaning);
    }

    [Fact]
    public void Types_the_product_does_not_use_yet_are_counted_not_logged_and_not_rejected()
    {
        var vi = """{"type":"1h","name":"VI발동/해제","item":"005930","values":{"9001":"005930","9068":"1","1221":"78100"}}""";
        var others = """{"type":"0A","item":"005930","values":{"10":"+70200"}},{"type":"0H","item":"005930","values":{"10":"70100"}}""";

        for (var i = 0; i < 50; i++) Route($$"""{"trnm":"REAL","data":[{{vi}},{{others}}]}""");

        Assert.Equal(150, status.Ignored);
        Assert.Equal(0, status.Rejected);
        Assert.Empty(logs.Lines);
    }

    [Fact]
    public void A_0s_without_its_session_code_is_rejected_and_the_kept_session_stays()
    {
        Route("""{"trnm":"REAL","data":[{"type":"0s","item":"","values":{"215":"3","20":"090000","214":"000000"}}]}""");

        Route("""{"trnm":"REAL","data":[{"type":"0s","item":"","values":{"20":"091500"}}]}""");

        Assert.Equal(1, status.Rejected);
        Assert.Equal("3", status.MarketSession!.Code);
    }

    [Fact]
    public void A_0B_with_every_field_of_the_spec_is_read_as_before()
    {
        const string values = """
            {"20":"090001","10":"+70200","11":"+200","12":"+0.29","27":"+70300","28":"+70200","15":"+82","13":"1082","14":"75","16":"70000",
            "17":"+70300","18":"-69900","25":"2","26":"-1057122","29":"-22041267850","30":"-0.10","31":"0.00","32":"0","228":"98.92","311":"4901",
            "290":"2","691":"0","567":"000000","568":"000000","851":"12.34","1890":"090000","1891":"090001","1892":"090000","1030":"500",
            "1031":"582","1032":"53.79","1071":"12","1072":"15","1313":"5756400","1315":"0","1316":"82","1314":"+82","1497":"0","1498":"0",
            "620":"70105","732":"0","852":"0","9081":"1"}
            """;
        Route($$"""{"trnm":"REAL","data":[{"type":"0B","name":"주식체결","item":"005930","values":{{values}}}]}""");

        Assert.Equal(1, status.TicksReceived);
        Assert.Equal(0, status.Rejected);
    }
}
