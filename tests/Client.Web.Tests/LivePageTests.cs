using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Gslts.Client.Web.Tests;

public sealed class LivePageTests
{
    [ChromiumFact]
    public async Task The_page_shows_samsung_electronics_price_changing_live()
    {
        // The embedded default as `dotnet run` starts it: the whole market collected live, the virtual day from 08:59:30,
        // so the bridge is logged in before the open (a start mid-session backfills every stock's morning from the tape first).
        var app = await LocalApp.StartAsync();
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await ChromiumFactAttribute.LaunchAsync(playwright);
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
            await page.GotoAsync(app.Urls.First());

            var price = page.GetByTestId("price");
            // The page watches once the bridge has loaded the stock master, which takes a while on a fresh database.
            await Assertions.Expect(page.GetByText("삼성전자").First).ToBeVisibleAsync(new() { Timeout = 90_000 });
            await Assertions.Expect(price).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[\d,]+원?$"), new() { Timeout = 60_000 });
            var first = await price.InnerTextAsync();
            var tickCount = page.GetByTestId("tick-count");
            var firstCount = await tickCount.InnerTextAsync();
            await Assertions.Expect(tickCount).Not.ToHaveTextAsync(firstCount, new() { Timeout = 60_000 });

            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "live-page.png") });
            Assert.Matches(@"^[\d,]+원?$", first);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
