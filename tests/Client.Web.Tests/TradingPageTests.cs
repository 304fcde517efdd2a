using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Gslts.Grains.Interfaces.Ranking;
using Gslts.Grains.Interfaces.Sectors;
using Microsoft.Playwright;

namespace Gslts.Client.Web.Tests;

/// <summary>The trading page in a real browser against the real host: reading the market, one feature per test.</summary>
[Collection(PageHost.Collection)]
public sealed partial class TradingPageTests(PageHost host)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = (float)PageHost.Patience.TotalMilliseconds };
    private static readonly float Wait = (float)PageHost.Patience.TotalMilliseconds;

    [GeneratedRegex(@"^[\d,]+원?$")]
    private static partial Regex Won();

    [ChromiumFact]
    public async Task Typing_the_initials_ㅅㅅㅈㅈ_finds_삼성전자_and_enter_loads_it_into_the_url()
    {
        var page = await host.OpenAsync("/stock/000660");
        await Assertions.Expect(page.GetByTestId("stock-code")).ToHaveTextAsync("000660", new() { Timeout = Wait });

        await page.GetByTestId("search-input").FillAsync("ㅅㅅㅈㅈ");
        await Assertions.Expect(page.Locator("[data-testid=search-result][data-code='005930']")).ToBeVisibleAsync(Visible);
        await PageHost.ScreenshotAsync(page, "search-initials");
        // The first hit is the best match; arrows move through the list, Enter loads the highlighted one.
        var first = await page.GetByTestId("search-result").First.GetAttributeAsync("data-code");
        await page.GetByTestId("search-input").PressAsync("Enter");

        Assert.Equal("005930", first);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/stock/005930$"));
        await Assertions.Expect(page.GetByTestId("stock-name")).ToHaveTextAsync("삼성전자", new() { Timeout = Wait });
        await Assertions.Expect(page.GetByTestId("price")).ToHaveTextAsync(Won(), new() { Timeout = Wait });
        await page.GoBackAsync();
        await Assertions.Expect(page.GetByTestId("stock-code")).ToHaveTextAsync("000660", new() { Timeout = Wait });
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task The_chart_draws_candles_with_the_six_quarter_lines_switchable_and_changes_from_1m_to_daily_bars()
    {
        var page = await host.OpenAsync("/stock/005930");
        var chart = page.GetByTestId("chart");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-bars", new Regex("^[1-9]"), new() { Timeout = Wait });
        await page.GetByTestId("interval-1m").ClickAsync();
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-interval", "1m");
        foreach (var line in new[] { "high", "q75", "q50", "q25", "low", "open" })
        {
            await Assertions.Expect(page.GetByTestId($"quarter-line-{line}")).ToContainTextAsync(new Regex(@"\d{1,3}(,\d{3})+"), new() { Timeout = Wait });
        }

        await PageHost.ScreenshotAsync(page, "chart-1m-quarter-lines");
        var snapshot = await host.Http.GetFromJsonAsync<Gslts.Grains.Interfaces.Stocks.StockSnapshot>("/api/stocks/005930");
        var high = await page.GetByTestId("quarter-line-high").InnerTextAsync();
        var minuteBars = int.Parse((await chart.GetAttributeAsync("data-bars"))!, System.Globalization.CultureInfo.InvariantCulture);

        await page.GetByTestId("quarter-toggle-q50").UncheckAsync();
        await Assertions.Expect(page.GetByTestId("quarter-line-q50")).ToHaveCountAsync(0);
        await page.GetByTestId("quarter-toggle-q50").CheckAsync();
        await Assertions.Expect(page.GetByTestId("quarter-line-q50")).ToHaveCountAsync(1);

        await page.GetByTestId("interval-day").ClickAsync();
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-interval", "day");
        // The daily chart: the year the grain holds from the broker, and today.
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-bars", new Regex(@"^\d{2,}$"), new() { Timeout = Wait });
        await PageHost.ScreenshotAsync(page, "chart-daily");

        Assert.True(minuteBars >= 1, $"{minuteBars} minute bars");
        Assert.Contains(snapshot!.Quarters!.High.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)[..3], high);
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task The_book_shows_ten_levels_a_side_at_most_updates_live_and_remembers_a_clicked_price()
    {
        var page = await host.OpenAsync("/stock/005930");
        var book = page.GetByTestId("book");
        await Assertions.Expect(page.GetByTestId("book-ask").First).ToBeVisibleAsync(Visible);
        var first = await book.GetAttributeAsync("data-updated");
        await Assertions.Expect(book).Not.ToHaveAttributeAsync("data-updated", first ?? "", new() { Timeout = Wait });
        var asks = await page.GetByTestId("book-ask").CountAsync();
        var bids = await page.GetByTestId("book-bid").CountAsync();

        // Read and clicked in one browser task: the book moves ten times a second, and the price is the one clicked.
        var clicked = await page.GetByTestId("book-bid").First.EvaluateAsync<string>("row => { const price = row.dataset.price; row.click(); return price; }");
        var price = long.Parse(clicked, System.Globalization.CultureInfo.InvariantCulture);
        await PageHost.ScreenshotAsync(page, "book");

        Assert.InRange(asks, 1, 10);
        Assert.InRange(bids, 1, 10);
        await Assertions.Expect(page.GetByTestId("book-selected")).ToContainTextAsync(price.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task The_ranking_filters_by_a_korean_sector_and_a_clicked_row_loads_that_stock()
    {
        var board = await host.Http.GetFromJsonAsync<SectorBoard>("/api/sectors");
        var samsung = await host.Http.GetFromJsonAsync<Gslts.Grains.Interfaces.Stocks.StockSnapshot>("/api/stocks/005930");
        // Opened on NAVER (IT): any row of 삼성전자's sector loads another stock.
        var page = await host.OpenAsync("/stock/035420");
        await Assertions.Expect(page.GetByTestId("ranking-row").First).ToBeVisibleAsync(Visible);
        // 삼성전자's own sector, as the sector map names it.
        var sector = board!.KrSectors.Single(s => s.Name == samsung!.Sector).Name;

        await page.GetByTestId("ranking-scope").SelectOptionAsync(sector);
        var members = (await host.Http.GetFromJsonAsync<TopList>($"/api/ranking?scope={Uri.EscapeDataString(sector)}&n=100"))!.Stocks.Select(s => s.Code).ToHashSet();
        await Assertions.Expect(page.GetByTestId("ranking-row").First).ToBeVisibleAsync(Visible);
        var shown = await page.GetByTestId("ranking-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)");
        await PageHost.ScreenshotAsync(page, "ranking-sector");
        var target = shown.First(c => c != "035420");
        await page.Locator($"[data-testid=ranking-row][data-code='{target}']").ClickAsync();

        Assert.NotEmpty(shown);
        Assert.All(shown, code => Assert.Contains(code, members));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/stock/{target}$"));
        await Assertions.Expect(page.GetByTestId("stock-code")).ToHaveTextAsync(target);
        await Assertions.Expect(page.GetByTestId("ranking-freshness")).ToContainTextAsync(new Regex(@"\d{2}:\d{2}"));
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task A_bad_or_unknown_code_in_the_url_says_so_and_the_search_still_works()
    {
        var page = await host.OpenAsync("/stock/999999");
        await Assertions.Expect(page.GetByTestId("stock-error")).ToContainTextAsync("999999", new() { Timeout = Wait });
        await PageHost.ScreenshotAsync(page, "unknown-code");
        await page.GotoAsync(new Uri(host.Web, "/?code=<b>x").ToString());
        await Assertions.Expect(page.GetByTestId("stock-error")).ToBeVisibleAsync(Visible);

        await page.GetByTestId("search-input").FillAsync("005930");
        await page.Locator("[data-testid=search-result][data-code='005930']").ClickAsync();

        await Assertions.Expect(page.GetByTestId("stock-name")).ToHaveTextAsync("삼성전자", new() { Timeout = Wait });
        await Assertions.Expect(page.GetByTestId("stock-error")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
