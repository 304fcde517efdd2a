using Gslts.Grains.Interfaces.Accounts;

namespace Gslts.Grains.Accounts;

/// <summary>What an account grain keeps: the day's orders by number, holdings by code, and 예수금.</summary>
[GenerateSerializer]
public sealed record AccountState
{
    [Id(0)] public Dictionary<string, BrokerOrder> Orders { get; init; } = [];
    [Id(1)] public Dictionary<string, Holding> Holdings { get; init; } = [];
    [Id(2)] public long Cash { get; set; }
}
