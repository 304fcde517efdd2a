using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Gslts.Grains.Interfaces.Strategy;
using Microsoft.Playwright;

namespace Gslts.Client.Web.Tests;

/// <summary>The page's panels beside the chart: 오늘의 전략, 관심종목, the header's session, themes and the phone layout.</summary>
[Collection(PageHost.Collection)]
public sealed class TradingPagePanelsTests(PageHost host)
{
    private static readonly float Wait = (float)PageHost.Patience.TotalMilliseconds;

    [ChromiumFact]
    public async Task A_candidate_of_todays_strategy_loads_its_stock()
    {
        // The first ask builds the morning plan once the sim's US night and the previous session are in.
        var plan = await Poll.Until(async () =>
        {
            var response = await host.Http.GetAsync("/api/strategy/today");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<StrategyPlan>() : null;
        }, p => p is not null, PageHost.Patience);
        Assert.NotNull(plan);
        // Opened on a stock that is not a candidate, so clicking the first candidate changes the stock.
        var start = new[] { "035420", "000660", "005930", "005380" }.First(code => plan!.Candidates.All(c => c.Code != code));
        var page = await host.OpenAsync($"/stock/{start}");
        var strategy = page.GetByTestId("strategy");
        await Assertions.Expect(page.GetByTestId("strategy-candidate").First).ToBeVisibleAsync(new() { Timeout = Wait });
        var shown = await page.GetByTestId("strategy-candidate").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)");
        await PageHost.ScreenshotAsync(page, "strategy");

        var target = plan!.Candidates[0].Code;
        await page.Locator($"[data-testid=strategy-candidate][data-code='{target}']").ClickAsync();

        Assert.Equal(plan.Candidates.Select(c => c.Code), shown);
        await Assertions.Expect(strategy).ToContainTextAsync(plan.StrongSectors[0].Name);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/stock/{target}$"));
        await Assertions.Expect(page.GetByTestId("stock-code")).ToHaveTextAsync(target);
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task A_watchlist_entry_is_added_shown_with_its_price_kept_across_a_reload_and_removed()
    {
        var page = await host.OpenAsync("/stock/000660");
        await Assertions.Expect(page.GetByTestId("stock-code")).ToHaveTextAsync("000660", new() { Timeout = Wait });
        var row = page.Locator("[data-testid=watchlist-row][data-code='000660']");
        await Assertions.Expect(row).ToHaveCountAsync(0);

        await page.GetByTestId("watchlist-toggle").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync(new Regex(@"\d{1,3}(,\d{3})+"), new() { Timeout = Wait });
        await page.ReloadAsync();
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = Wait });
        await PageHost.ScreenshotAsync(page, "watchlist");
        await row.GetByTestId("watchlist-remove").ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("stock-code")).ToHaveTextAsync("000660", new() { Timeout = Wait });

        await Assertions.Expect(row).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task The_header_shows_the_feeds_session_and_connection_and_the_theme_switches_and_is_kept()
    {
        var page = await host.OpenAsync("/stock/005930");
        await Assertions.Expect(page.GetByTestId("session")).ToHaveTextAsync("장중", new() { Timeout = Wait });
        await Assertions.Expect(page.GetByTestId("link")).ToContainTextAsync("연결됨");
        foreach (var figure in new[] { "거래량", "거래대금", "체결강도", "VWAP" }) await Assertions.Expect(page.Locator("body")).ToContainTextAsync(figure);
        var theme = await page.EvaluateAsync<string>("document.documentElement.dataset.theme");
        await PageHost.ScreenshotAsync(page, $"desktop-{theme}");

        await page.GetByTestId("theme-toggle").ClickAsync();
        var switched = await page.EvaluateAsync<string>("document.documentElement.dataset.theme");
        await page.ReloadAsync();
        var kept = await page.EvaluateAsync<string>("document.documentElement.dataset.theme");
        await Assertions.Expect(page.GetByTestId("price")).ToHaveTextAsync(new Regex(@"^[\d,]+원?$"), new() { Timeout = Wait });
        await PageHost.ScreenshotAsync(page, $"desktop-{switched}");

        Assert.Contains(theme, new[] { "dark", "light" });
        Assert.NotEqual(theme, switched);
        Assert.Equal(switched, kept);
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task On_a_phone_the_panels_stack_without_sideways_scrolling_and_the_tabs_switch_panels()
    {
        var page = await host.OpenAsync("/stock/005930", 390, 844);
        await Assertions.Expect(page.GetByTestId("price")).ToHaveTextAsync(new Regex(@"^[\d,]+원?$"), new() { Timeout = Wait });
        await Assertions.Expect(page.GetByTestId("chart")).ToBeVisibleAsync();

        await page.GetByTestId("tab-book").ClickAsync();
        await Assertions.Expect(page.GetByTestId("book-ask").First).ToBeVisibleAsync(new() { Timeout = Wait });
        await PageHost.ScreenshotAsync(page, "phone-book");
        await page.GetByTestId("tab-ranking").ClickAsync();
        await Assertions.Expect(page.GetByTestId("ranking-row").First).ToBeVisibleAsync(new() { Timeout = Wait });
        await Assertions.Expect(page.GetByTestId("book")).ToBeHiddenAsync();
        await PageHost.ScreenshotAsync(page, "phone-ranking");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");

        Assert.True(width <= 390, $"the page is {width} px wide on a 390 px phone");
        await page.Context.CloseAsync();
    }
}
