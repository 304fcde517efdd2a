using Gslts.KiwoomBridge.Auth;
using Gslts.KiwoomBridge.Realtime;

namespace Gslts.KiwoomBridge.Tests;

public sealed class TokenExpiryTests
{
    [Fact]
    public void Kiwoom_expiry_is_a_kst_wall_clock_time_whatever_the_host_zone()
    {
        var expires = KiwoomTokenClient.ParseKst("20261125083000");

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 23, 30, 0, TimeSpan.Zero), expires.ToUniversalTime());
    }

    [Fact]
    public void Reconnect_backoff_doubles_from_half_a_second_to_thirty_seconds_with_jitter()
    {
        Assert.InRange(RealtimeConnection.Backoff(1).TotalSeconds, 0.4, 0.6);
        Assert.InRange(RealtimeConnection.Backoff(3).TotalSeconds, 1.6, 2.4);
        Assert.InRange(RealtimeConnection.Backoff(50).TotalSeconds, 24, 36);
    }
}
