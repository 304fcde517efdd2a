using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Gslts.Client.Web.Tests;

/// <summary>
/// One product (every role, the sim opening its virtual day at 09:00) and one headless Chromium shared by the page's
/// tests: starting the market for each test would cost a minute each. Each test opens its own browser context.
/// </summary>
public sealed class PageHost : IAsyncLifetime
{
    public const string Collection = "trading page";

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private WebApplication? app;
    private IPlaywright? playwright;

    public Uri Web { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>Where the tests' screenshots go (beside the test binaries, kept with the test output).</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.Executable)) return;
        app = await LocalApp.StartAsync(
            "--Gslts:Sim:StartTime=09:00:00",
            // The 23 large caps live (the rest ranked from the exchange): their daily bars and the morning plan load within the patience.
            "--Gslts:Kiwoom:Collect=List",
            // The tests browse many stocks quickly; the per-client budget stays on, only larger.
            "--Gslts:Web:RateLimits:RequestsPerSecond=200", "--Gslts:Web:RateLimits:RequestBurst=1000");
        Web = new Uri(app.Urls.First());
        Http = new HttpClient { BaseAddress = Web };
        var loaded = await Poll.Until(async () => (await Http.GetAsync("/api/stocks/005930")).StatusCode == HttpStatusCode.OK, Patience);
        Assert.True(loaded, "005930 traded within the patience");
        playwright = await Playwright.CreateAsync();
        Browser = await ChromiumFactAttribute.LaunchAsync(playwright);
    }

    /// <summary>A fresh browser context (its own localStorage) with a page of the given size.</summary>
    public async Task<IPage> OpenAsync(string path, int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "ko-KR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Web, path).ToString());
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{name}.png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        Http?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

/// <summary>The page's test classes share one <see cref="PageHost"/> and run one after another.</summary>
[CollectionDefinition(PageHost.Collection)]
public sealed class PageCollection : ICollectionFixture<PageHost>;
