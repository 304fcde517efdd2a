using System.Globalization;

namespace Gslts.Bench;

/// <summary>
/// A benchmark's result rows: name, value, unit, the value against the baseline sort measured in the same run (a rate
/// times the sort's seconds, a time over the sort's), and what the figure leaves out.
/// </summary>
public sealed class ResultRows(string benchmark, TimeSpan baseline)
{
    private readonly List<string[]> rows = [];
    private readonly List<string> failed = [];

    /// <summary>A figure per second: its ratio is how many fall in one baseline sort.</summary>
    public void Rate(string name, double perSecond, string unit, string leavesOut = "") =>
        Add(name, perSecond, unit, $"{perSecond * baseline.TotalSeconds:N1} per baseline sort", leavesOut);

    /// <summary>A duration in milliseconds: its ratio is how many baseline sorts it lasts.</summary>
    public void Time(string name, double milliseconds, string leavesOut = "") =>
        Add(name, milliseconds, "ms", $"{milliseconds / baseline.TotalMilliseconds:N3} baseline sorts", leavesOut);

    /// <summary>A count or size that does not scale with the machine's speed.</summary>
    public void Figure(string name, double value, string unit, string leavesOut = "") => Add(name, value, unit, "–", leavesOut);

    /// <summary>A check: printed, and a failed one makes the run exit non-zero.</summary>
    public void Check(string name, bool passed, string detail)
    {
        rows.Add([$"check: {name}", passed ? "passed" : "FAILED", "", "", detail]);
        if (!passed) failed.Add(name);
    }

    /// <summary>Prints the rows; 0 when every check passed, 1 otherwise.</summary>
    public int Print()
    {
        Console.WriteLine($"{benchmark}: baseline sort {baseline.TotalMilliseconds:0.0} ms");
        string[] header = ["name", "value", "unit", "ratio to the baseline", "leaves out"];
        var widths = Enumerable.Range(0, header.Length).Select(c => rows.Append(header).Max(r => r[c].Length)).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            Console.WriteLine(string.Join(" | ", row.Select((cell, c) => c == 1 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
        }

        if (failed.Count > 0) Console.WriteLine($"{benchmark}: FAILED checks: {string.Join(", ", failed)}");
        return failed.Count == 0 ? 0 : 1;
    }

    private void Add(string name, double value, string unit, string ratio, string leavesOut) =>
        rows.Add([name, value.ToString(value >= 100 ? "N0" : "N2", CultureInfo.InvariantCulture), unit, ratio, leavesOut]);
}
