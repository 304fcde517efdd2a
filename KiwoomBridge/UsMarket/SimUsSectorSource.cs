using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Gslts.Grains.Interfaces.Sectors;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomBridge.UsMarket;

/// <summary>
/// KiwoomSim's hidden US session of its trading day (<c>GET /sim/us-sectors</c>: <c>previousSession</c>, <c>spy</c>,
/// <c>sectors</c> as percent moves). The sim gives moves, not prices: each becomes a previous close of
/// <see cref="Base"/> on the weekday before the session and a last close moved by the percentage on the session,
/// marked relative so the collector chains it onto the close stored the day before.
/// </summary>
public sealed class SimUsSectorSource(IHttpClientFactory http, IOptions<UsMarketOptions> options) : IUsMarketSource
{
    public const string HttpClientName = "gslts-us-sim";

    /// <summary>The previous close every move starts from (only the ratio of the two closes means anything).</summary>
    public const decimal Base = 100m;

    public string Name => UsMarketOptions.SimSource;

    public async Task<UsMarketFetch> FetchAsync(IReadOnlyList<string> symbols, CancellationToken cancellationToken)
    {
        var url = new Uri(new Uri(options.Value.SimUrl ?? throw new InvalidOperationException($"{UsMarketOptions.Section}:SimUrl is not set.")), "/sim/us-sectors");
        var answer = await http.CreateClient(HttpClientName).GetFromJsonAsync<JsonElement>(url, cancellationToken);
        return ReadMoves(answer, symbols);
    }

    /// <summary>Turns the sim's answer into two closes per symbol; symbols the answer lacks are reported failed.</summary>
    public static UsMarketFetch ReadMoves(JsonElement answer, IReadOnlyList<string> symbols)
    {
        var session = DateOnly.ParseExact(answer.GetProperty("previousSession").GetString() ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var before = PreviousWeekday(session);
        var moves = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        if (answer.TryGetProperty("sectors", out var sectors) && sectors.ValueKind == JsonValueKind.Object)
        {
            foreach (var sector in sectors.EnumerateObject()) moves[sector.Name] = sector.Value.GetDecimal();
        }

        if (answer.TryGetProperty("spy", out var spy) && spy.ValueKind == JsonValueKind.Number) moves[UsSectorSymbols.Market] = spy.GetDecimal();

        var series = new List<UsCloses>();
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            if (!moves.TryGetValue(symbol, out var move))
            {
                failed[symbol] = "the sim's answer has no move for it";
                continue;
            }

            var last = Math.Round(Base * (1 + move / 100m), 4, MidpointRounding.AwayFromZero);
            series.Add(new UsCloses(symbol, [new DailyClose(before, Base), new DailyClose(session, last)], Relative: true));
        }

        return new UsMarketFetch(series, failed);
    }

    private static DateOnly PreviousWeekday(DateOnly date)
    {
        var day = date.AddDays(-1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(-1);
        return day;
    }
}
