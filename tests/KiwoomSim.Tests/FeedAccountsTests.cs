using Gslts.KiwoomSim.Auth;

namespace Gslts.KiwoomSim.Tests;

/// <summary>The sim's market-data accounts: one app key per session's worth of codes, so a bridge can collect the whole market.</summary>
public sealed class FeedAccountsTests
{
    private static SimOptions Options(int listings = 2_500, int codesPerSession = 100, int? feedAccounts = null) => new()
    {
        Listings = listings,
        CodesPerSession = codesPerSession,
        FeedAccounts = feedAccounts,
        Accounts = [new SimAccount { AppKey = "demo-key", SecretKey = "demo-secret", AccountNo = "50000001" }],
    };

    [Theory]
    [InlineData(2_500, 100, null, 24)]
    [InlineData(2_501, 100, null, 25)]
    [InlineData(100, 100, null, 0)]
    [InlineData(250, 100, null, 2)]
    [InlineData(2_500, 0, null, 0)]
    [InlineData(2_500, 100, 3, 3)]
    public void By_default_the_sim_issues_a_feed_account_for_every_session_of_listings_beyond_the_first(
        int listings, int codesPerSession, int? configured, int expected)
    {
        var options = Options(listings, codesPerSession, configured);

        var feed = SimFeedAccounts.For(options);

        Assert.Equal(expected, feed.Count);
        Assert.Equal(expected, feed.Select(a => a.AppKey).Distinct().Count());
        Assert.Equal(expected, feed.Select(a => a.AccountNo).Distinct().Count());
        Assert.Equal(1 + expected, options.LoginAccounts().Count);
    }

    [Fact]
    public void A_feed_accounts_key_logs_in_beside_the_configured_account_and_only_with_its_own_secret()
    {
        var options = Options();
        var feed = SimFeedAccounts.For(options);
        var tokens = new TokenStore(Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System);

        Assert.All(feed, account => Assert.Equal(account.AccountNo, tokens.Issue(account.AppKey, account.SecretKey)?.Account.AccountNo));
        Assert.NotNull(tokens.Issue("demo-key", "demo-secret"));
        Assert.Null(tokens.Issue(feed[0].AppKey, feed[1].SecretKey));
    }

    [Fact]
    public void Without_feed_accounts_their_keys_are_refused()
    {
        var off = Options(feedAccounts: 0);
        var keys = SimFeedAccounts.For(Options())[0];

        var tokens = new TokenStore(Microsoft.Extensions.Options.Options.Create(off), TimeProvider.System);

        Assert.Null(tokens.Issue(keys.AppKey, keys.SecretKey));
        Assert.Single(off.LoginAccounts());
    }
}
