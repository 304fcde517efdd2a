using Gslts.Grains.Interfaces.Sectors;

namespace Gslts.KiwoomBridge.UsMarket;

/// <summary>Where last night's US session comes from: Yahoo Finance's chart API, or KiwoomSim's stand-in in the demo.</summary>
public interface IUsMarketSource
{
    /// <summary>Its name for logs (Yahoo, Sim).</summary>
    string Name { get; }

    /// <summary>Recent daily closes of each symbol; the symbols that could not be read are named in the answer, not thrown.</summary>
    Task<UsMarketFetch> FetchAsync(IReadOnlyList<string> symbols, CancellationToken cancellationToken);
}

/// <summary>One symbol's closes, oldest first, on the exchange's own dates.</summary>
/// <param name="Relative">
/// The closes are an index from an arbitrary base (only their ratios mean anything): they are scaled onto the close
/// already stored for their first date, so day after day they chain into one series.
/// </param>
public sealed record UsCloses(string Symbol, IReadOnlyList<DailyClose> Closes, bool Relative = false);

/// <summary>What a fetch brought: the symbols read and, with a reason each, those that failed.</summary>
public sealed record UsMarketFetch(IReadOnlyList<UsCloses> Series, IReadOnlyDictionary<string, string> Failed);
