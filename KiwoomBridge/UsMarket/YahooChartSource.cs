using System.Globalization;
using System.Text.Json;
using Gslts.Grains.Interfaces.Sectors;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomBridge.UsMarket;

/// <summary>
/// Yahoo Finance's v8 chart API (<c>/v8/finance/chart/{symbol}?interval=1d&amp;range=1y</c>): one call per symbol.
/// A bar's date is its timestamp's date in the exchange's time zone; a bar of a session still open is left out.
/// </summary>
public sealed class YahooChartSource(IHttpClientFactory http, IOptions<UsMarketOptions> options, TimeProvider time) : IUsMarketSource
{
    public const string HttpClientName = "gslts-us-yahoo";

    public string Name => UsMarketOptions.YahooSource;

    public async Task<UsMarketFetch> FetchAsync(IReadOnlyList<string> symbols, CancellationToken cancellationToken)
    {
        var client = http.CreateClient(HttpClientName);
        var series = new List<UsCloses>();
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            try
            {
                var url = $"{options.Value.YahooBaseUrl.TrimEnd('/')}/v8/finance/chart/{Uri.EscapeDataString(symbol)}?interval=1d&range={Uri.EscapeDataString(options.Value.YahooRange)}";
                using var response = await client.GetAsync(url, cancellationToken);
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
                if (!response.IsSuccessStatusCode && ChartError(document.RootElement) is null)
                {
                    failed[symbol] = $"HTTP {(int)response.StatusCode}";
                    continue;
                }

                series.Add(ReadChart(symbol, document.RootElement, time.GetUtcNow()));
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // One symbol's failure (timeout, error answer, unexpected shape) does not cost the others.
                failed[symbol] = e.Message;
            }
        }

        return new UsMarketFetch(series, failed);
    }

    /// <summary>
    /// Reads <c>chart.result[0]</c>: <c>timestamp[]</c> (Unix seconds) with <c>indicators.quote[0].close[]</c> (null
    /// where Yahoo has no close), dated in <c>meta.exchangeTimezoneName</c> (else <c>meta.gmtoffset</c>). A bar of the
    /// session in progress at <paramref name="now"/> (<c>meta.currentTradingPeriod.regular</c>) is not a close yet.
    /// </summary>
    /// <exception cref="FormatException">The answer is Yahoo's error or not a chart.</exception>
    public static UsCloses ReadChart(string symbol, JsonElement root, DateTimeOffset now)
    {
        if (ChartError(root) is { } error) throw new FormatException($"Yahoo answered an error for {symbol}: {error}");
        if (!root.TryGetProperty("chart", out var chart) || !chart.TryGetProperty("result", out var results)
            || results.ValueKind != JsonValueKind.Array || results.GetArrayLength() == 0)
        {
            throw new FormatException($"Yahoo's answer for {symbol} has no chart.result.");
        }

        var result = results[0];
        var meta = result.GetProperty("meta");
        var zone = Zone(meta);
        var open = OpenSession(meta, now);
        if (!result.TryGetProperty("timestamp", out var stamps) || stamps.ValueKind != JsonValueKind.Array) return new UsCloses(symbol, []);
        var closes = result.GetProperty("indicators").GetProperty("quote")[0].GetProperty("close");
        if (closes.GetArrayLength() != stamps.GetArrayLength()) throw new FormatException($"Yahoo's answer for {symbol} has {stamps.GetArrayLength()} timestamps but {closes.GetArrayLength()} closes.");

        var bars = new List<DailyClose>(stamps.GetArrayLength());
        for (var i = 0; i < stamps.GetArrayLength(); i++)
        {
            if (closes[i].ValueKind != JsonValueKind.Number) continue;
            var at = DateTimeOffset.FromUnixTimeSeconds(stamps[i].GetInt64());
            if (open is { } session && at >= session.Start && at < session.End) continue;
            var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
            bars.Add(new DailyClose(date, Math.Round(closes[i].GetDecimal(), 4, MidpointRounding.AwayFromZero)));
        }

        return new UsCloses(symbol, bars);
    }

    private static string? ChartError(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("chart", out var chart) && chart.TryGetProperty("error", out var error)
            && error.ValueKind == JsonValueKind.Object
            ? $"{Text(error, "code")}: {Text(error, "description")}"
            : null;

    private static TimeZoneInfo Zone(JsonElement meta)
    {
        if (Text(meta, "exchangeTimezoneName") is { Length: > 0 } name && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone)) return zone;
        var offset = meta.TryGetProperty("gmtoffset", out var seconds) && seconds.ValueKind == JsonValueKind.Number ? seconds.GetInt32() : 0;
        return TimeZoneInfo.CreateCustomTimeZone($"UTC{offset.ToString("+0;-0", CultureInfo.InvariantCulture)}s", TimeSpan.FromSeconds(offset), null, null);
    }

    /// <summary>The regular session in progress at <paramref name="now"/>, if the answer says one is.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End)? OpenSession(JsonElement meta, DateTimeOffset now)
    {
        if (!meta.TryGetProperty("currentTradingPeriod", out var period) || !period.TryGetProperty("regular", out var regular)
            || !regular.TryGetProperty("start", out var start) || !regular.TryGetProperty("end", out var end))
        {
            return null;
        }

        var session = (DateTimeOffset.FromUnixTimeSeconds(start.GetInt64()), DateTimeOffset.FromUnixTimeSeconds(end.GetInt64()));
        return now < session.Item2 ? session : null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
