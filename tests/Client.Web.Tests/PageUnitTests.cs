using System.Diagnostics;
using Xunit.Abstractions;

namespace Gslts.Client.Web.Tests;

/// <summary>The page's own unit tests (vitest: formatting, book, ranking, candles, routing...) run as part of `dotnet test`.</summary>
public sealed class PageUnitTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_pages_vitest_suite_passes()
    {
        var folder = Path.Combine(OpenApiDocumentTests.RepositoryRoot(), "Client.Web", "ClientApp");
        var start = new ProcessStartInfo("npm", "test") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["CI"] = "1";
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started");
        var stdout = npm.StandardOutput.ReadToEndAsync();
        var stderr = npm.StandardError.ReadToEndAsync();
        await npm.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        output.WriteLine(await stdout);
        output.WriteLine(await stderr);

        Assert.True(npm.ExitCode == 0, $"vitest failed (exit {npm.ExitCode}):\n{await stdout}\n{await stderr}");
        Assert.Contains("passed", await stdout);
    }
}
