using Microsoft.Extensions.Options;

namespace Gslts.Grains.Strategy;

/// <summary>Bound from <c>Gslts:Strategy</c>: when the morning plan is built and the rules it follows.</summary>
public sealed class StrategyOptions
{
    public const string Section = "Gslts:Strategy";

    /// <summary>KST time of day the plan of a KRX trading day is built (the reminder checks once a minute).</summary>
    public TimeOnly BuildAt { get; set; } = new(8, 0);

    /// <summary>How long the scheduler waits for the whole US night and the previous session's values before it builds the morning plan with what is there (saying what was missing).</summary>
    public TimeSpan WaitForData { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Revisions kept per date (the oldest are dropped).</summary>
    public int MaxRevisions { get; set; } = 100;

    /// <summary>The strongest US sectors whose Korean sectors are expected strong.</summary>
    public int TopSectors { get; set; } = 3;

    /// <summary>The weakest US sectors whose Korean sectors are expected weak.</summary>
    public int BottomSectors { get; set; } = 3;

    /// <summary>Share of the strong sectors' stocks kept by trading value (0.2 = the top 20%).</summary>
    public double TopFraction { get; set; } = 0.2;

    public int MinCandidates { get; set; } = 5;

    public int MaxCandidates { get; set; } = 10;

    /// <summary>Most stocks of one Korean sector whose trading value is asked (the map's codes, then the sector's busiest members).</summary>
    public int MaxStocksPerSector { get; set; } = 100;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (TopSectors < 1 || BottomSectors < 0) problems.Add($"{Section}:TopSectors must be at least 1 and BottomSectors not negative.");
        if (TopFraction is <= 0 or > 1) problems.Add($"{Section}:TopFraction must be above 0 and at most 1 (0.2 = the top 20%).");
        if (MinCandidates < 1 || MaxCandidates < MinCandidates) problems.Add($"{Section}:MinCandidates must be at least 1 and MaxCandidates at least MinCandidates.");
        if (WaitForData < TimeSpan.Zero || WaitForData > TimeSpan.FromHours(6)) problems.Add($"{Section}:WaitForData must be between 00:00:00 and 06:00:00.");
        if (MaxRevisions < 1) problems.Add($"{Section}:MaxRevisions must be at least 1.");
        if (MaxStocksPerSector < 1) problems.Add($"{Section}:MaxStocksPerSector must be at least 1.");
        return problems;
    }
}

/// <summary>Checks the strategy's rules at start, naming each bad key.</summary>
internal sealed class StrategyOptionsValidator : IValidateOptions<StrategyOptions>
{
    public ValidateOptionsResult Validate(string? name, StrategyOptions options) =>
        options.Problems() is { Count: > 0 } problems
            ? ValidateOptionsResult.Fail(problems)
            : ValidateOptionsResult.Success;
}
