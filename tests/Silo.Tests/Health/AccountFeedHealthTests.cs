using System.Reflection;
using Gslts.Grains.Interfaces.Accounts;
using Gslts.KiwoomBridge;
using Gslts.KiwoomBridge.Accounts;
using Gslts.Silo.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gslts.Silo.Tests.Health;

public sealed class AccountFeedHealthTests
{
    [Fact]
    public async Task A_parked_account_event_makes_the_bridge_degraded_naming_the_event_and_its_failure()
    {
        var feed = new AccountFeed(RefusingAccount.Factory(), Options.Create(new KiwoomOptions { AccountAttempts = 1 }), TimeProvider.System,
            NullLogger<AccountFeed>.Instance);
        var check = new AccountFeedHealthCheck(feed);
        await feed.StartAsync(CancellationToken.None);
        var before = await check.CheckHealthAsync(new HealthCheckContext());

        feed.Post(new BrokerOrder("0000007", null, "005930", OrderSide.Sell, 3, 71_000, 3, 0, 71_000));
        await Poll.Until(() => feed.Parked.Count == 1, TimeSpan.FromSeconds(10));
        var after = await check.CheckHealthAsync(new HealthCheckContext());
        await feed.StopAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Healthy, before.Status);
        Assert.Equal(HealthStatus.Degraded, after.Status);
        Assert.Contains("1 account event(s) parked", after.Description);
        Assert.Contains("order 0000007 005930 Sell 3@71000", after.Description);
        Assert.Contains("the silo is down", after.Description);
        Assert.Equal(1L, after.Data["parked"]);
    }

    /// <summary>A grain factory whose account grain refuses every call.</summary>
    public class RefusingAccount : DispatchProxy
    {
        public static IGrainFactory Factory() => DispatchProxy.Create<IGrainFactory, RefusingAccount>();

        protected override object? Invoke(MethodInfo? method, object?[]? args) =>
            method?.Name == nameof(IGrainFactory.GetGrain) ? DispatchProxy.Create<IAccountGrain, RefusingAccount>()
            : method?.ReturnType == typeof(Task) ? Task.FromException(new TimeoutException("the silo is down"))
            : throw new NotSupportedException(method?.Name);
    }
}
