using Gslts.Grains.Interfaces.Ranking;

namespace Gslts.Grains.Tests;

/// <summary>
/// Stands in front of the test silo's ranking reporter: a test can have it refuse one stock's reports (as a reporter
/// that is overloaded or shutting down would), and counts the reports it refused and those the reporter took.
/// </summary>
public sealed class ReportGate : IIncomingGrainCallFilter
{
    private readonly object sync = new();
    private readonly Dictionary<string, (int Refused, int Taken)> counts = new(StringComparer.Ordinal);
    private string? refusing;

    public void Refuse(string code)
    {
        lock (sync) refusing = code;
    }

    public void Accept()
    {
        lock (sync) refusing = null;
    }

    public (int Refused, int Taken) Counts(string code)
    {
        lock (sync) return counts.GetValueOrDefault(code);
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name != nameof(IRankingReporterGrain.Report) || context.Request.GetArgument(0) is not StockTrading stock)
        {
            await context.Invoke();
            return;
        }

        lock (sync)
        {
            if (stock.Code == refusing)
            {
                Count(stock.Code, refused: 1, taken: 0);
                throw new InvalidOperationException($"the test refuses the report of {stock.Code}");
            }
        }

        await context.Invoke();
        lock (sync) Count(stock.Code, refused: 0, taken: 1);
    }

    private void Count(string code, int refused, int taken)
    {
        var (r, t) = counts.GetValueOrDefault(code);
        counts[code] = (r + refused, t + taken);
    }
}
