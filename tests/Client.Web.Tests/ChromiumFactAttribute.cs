using Microsoft.Playwright;

namespace Gslts.Client.Web.Tests;

/// <summary>A browser test: runs against Debian's Chromium, skipped (saying why) where it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Executable = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Executable))
        {
            Skip = $"{Executable} is not installed (apt-get install -y chromium fonts-nanum; .ci/run does it).";
        }
    }

    /// <summary>Debian's Chromium, headless, without the sandbox (containers) and without its own network chatter.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Executable,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
}
