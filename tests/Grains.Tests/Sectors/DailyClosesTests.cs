using Gslts.Grains.Interfaces.Sectors;
using Gslts.Grains.Sectors;

namespace Gslts.Grains.Tests.Sectors;

public sealed class DailyClosesTests
{
    private static DailyClose C(int day, decimal close) => new(new DateOnly(2026, 3, day), close);

    [Fact]
    public void Merged_closes_are_sorted_one_per_date_and_the_newer_answer_wins()
    {
        var merged = DailyCloses.Merge([C(2, 100m), C(3, 101m), C(5, 99m)], [C(4, 102m), C(3, 101.5m), C(1, 0m), C(6, 98m)]);

        Assert.Equal([C(2, 100m), C(3, 101.5m), C(4, 102m), C(5, 99m), C(6, 98m)], merged);
    }

    [Fact]
    public void Only_the_newest_closes_are_kept_beyond_the_limit()
    {
        Assert.Equal([C(4, 4m), C(5, 5m)], DailyCloses.Merge([C(2, 2m), C(3, 3m)], [C(4, 4m), C(5, 5m)], keep: 2));
    }

    [Fact]
    public void The_last_session_is_the_newest_close_against_the_one_before()
    {
        var session = DailyCloses.LastSession("XLK", [C(2, 200m), C(3, 205m)]);

        Assert.Equal(new UsSession("XLK", new DateOnly(2026, 3, 3), 205m, new DateOnly(2026, 3, 2), 200m, 2.50m), session);
        Assert.Null(DailyCloses.LastSession("XLK", [C(3, 205m)]));
    }

    [Fact]
    public void The_session_before_a_korean_date_ignores_closes_on_or_after_it()
    {
        var closes = new[] { C(5, 100m), C(6, 99m), C(9, 103m), C(10, 90m) };

        var session = DailyCloses.LastSessionBefore("XLF", closes, new DateOnly(2026, 3, 10));

        Assert.Equal((new DateOnly(2026, 3, 9), 4.04m), (session!.Date, session.ChangeRate));
        Assert.Null(DailyCloses.LastSessionBefore("XLF", closes, new DateOnly(2026, 3, 6)));
    }
}
