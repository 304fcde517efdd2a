using System.Text.Json.Serialization;

namespace Gslts.Grains.Interfaces.Market;

/// <summary>The KRX regular session as the page shows it (by name in JSON).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MarketSessionKind>))]
public enum MarketSessionKind
{
    PreOpen,
    OpeningAuction,
    Open,
    ClosingAuction,
    Closed,
    Holiday,
}

/// <summary>What the feed's last 0s (장운영구분) said: Kiwoom's 215 code, the exchange time of the change, when it came in.</summary>
[GenerateSerializer, Immutable]
public sealed record MarketSessionReport(
    [property: Id(0)] string Code,
    [property: Id(1)] string Meaning,
    [property: Id(2)] TimeOnly ExchangeTime,
    [property: Id(3)] DateTimeOffset ReceivedAt);

/// <summary>
/// The market's session now: from the feed's 0s when one came in today, else from the KRX calendar and the regular
/// session's times. <paramref name="MarketTime"/> is the feed's clock (the last 0s time advanced by the time since).
/// </summary>
/// <param name="Label">Korean for the page: 장 시작 전, 동시호가, 장중, 장 마감, 휴장.</param>
/// <param name="Source">"feed" (a 0s of today) or "calendar".</param>
[GenerateSerializer, Immutable]
public sealed record MarketStatus(
    [property: Id(0)] MarketSessionKind Session,
    [property: Id(1)] string Label,
    [property: Id(2)] DateTimeOffset MarketTime,
    [property: Id(3)] DateTimeOffset? Since,
    [property: Id(4)] string Source,
    [property: Id(5)] string? ExchangeCode);
