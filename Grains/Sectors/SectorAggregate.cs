using Gslts.Grains.Interfaces.Sectors;

namespace Gslts.Grains.Sectors;

/// <summary>Aggregates a Korean sector's members into its summary. Pure: no Orleans, no I/O.</summary>
public static class SectorAggregate
{
    /// <summary>
    /// Trading-value weighted change rate (a plain average while no member has traded), total 거래대금, and the count
    /// of members up, down and unchanged. Linear in the members, no allocation beyond the result.
    /// </summary>
    public static KrSectorSummary Summarize(string name, DateOnly date, IReadOnlyList<SectorMember> members, DateTimeOffset? updatedAt)
    {
        long total = 0;
        decimal weighted = 0, plain = 0;
        int advancers = 0, decliners = 0, unchanged = 0;
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var value = Math.Max(0, member.TradingValue);
            total += value;
            weighted += member.ChangeRate * value;
            plain += member.ChangeRate;
            switch (Math.Sign(member.ChangeRate))
            {
                case > 0: advancers++; break;
                case < 0: decliners++; break;
                default: unchanged++; break;
            }
        }

        var rate = total > 0 ? weighted / total : members.Count > 0 ? plain / members.Count : 0m;
        return new KrSectorSummary(name, date, Math.Round(rate, 2, MidpointRounding.AwayFromZero), total,
            advancers, decliners, unchanged, members.Count, updatedAt);
    }
}
