using System.Globalization;

namespace Gslts.Bench;

/// <summary>
/// What a benchmark prints as its result: one row per figure, with its ratio to the baseline measured in the same run
/// computed here (so BENCHMARKS.md is pasted from output, not worked out by hand), and the checks that must hold. A
/// failed check fails the run: the program exits non-zero.
/// </summary>
public sealed class Report(string benchmark, TimeSpan baseline)
{
    private readonly List<string> failed = [];
    private bool headed;

    public TimeSpan Baseline => baseline;

    public bool Passed => failed.Count == 0;

    /// <summary>A rate: its ratio is how many happen in one baseline sort, which compares across machines.</summary>
    public void Rate(string figure, double perSecond, string unit, string leavesOut = "") =>
        Row(figure, $"{Format(perSecond)} {unit}/s", $"{Format(perSecond * baseline.TotalSeconds)} {unit} per baseline sort", leavesOut);

    /// <summary>A time: its ratio is in baseline sorts.</summary>
    public void Duration(string figure, double milliseconds, string leavesOut = "") =>
        Row(figure, $"{milliseconds.ToString(milliseconds < 10 ? "0.00" : "N0", CultureInfo.InvariantCulture)} ms",
            $"{(milliseconds / baseline.TotalMilliseconds).ToString("0.000", CultureInfo.InvariantCulture)} baseline sorts", leavesOut);

    /// <summary>An amount that does not depend on the machine's speed (bytes, counts): no ratio.</summary>
    public void Amount(string figure, double value, string unit, string leavesOut = "") =>
        Row(figure, $"{Format(value)} {unit}", "–", leavesOut);

    /// <summary>A condition the run's figures stand on (applied = sent, nothing left behind); when it does not hold the run fails.</summary>
    public void Check(string what, bool holds)
    {
        Console.WriteLine($"check: {what}: {(holds ? "holds" : "FAILED")}");
        if (!holds) failed.Add(what);
    }

    /// <summary>The run's verdict, printed last.</summary>
    public int Finish()
    {
        Console.WriteLine(Passed
            ? $"{benchmark}: every check held"
            : $"{benchmark}: {failed.Count} check(s) FAILED: {string.Join("; ", failed)}");
        return Passed ? 0 : 1;
    }

    private void Row(string figure, string value, string ratio, string leavesOut)
    {
        if (!headed)
        {
            Console.WriteLine($"| benchmark | figure | value | ratio to the baseline ({baseline.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms) | leaves out |");
            Console.WriteLine("|---|---|---|---|---|");
            headed = true;
        }

        Console.WriteLine($"| {benchmark} | {figure} | {value} | {ratio} | {leavesOut} |");
    }

    private static string Format(double value) => value.ToString(Math.Abs(value) < 100 ? "0.##" : "N0", CultureInfo.InvariantCulture);
}
