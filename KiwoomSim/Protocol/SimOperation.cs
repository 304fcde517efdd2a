using System.Text.Json;
using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Auth;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>What an operation sees of a call: the JSON body, the paging key sent back to it, and the caller's token.</summary>
public sealed record SimRequest(JsonElement Body, string? NextKey, IssuedToken? Token)
{
    public string? Str(string name) => Body.Str(name);
}

/// <summary>An operation's answer; a non-null <paramref name="NextKey"/> means more pages (<c>cont-yn: Y</c>).</summary>
public sealed record SimAnswer(JsonObject Body, string? NextKey = null);

/// <summary>Which per-app-key budget a call spends: Kiwoom limits queries and orders separately.</summary>
public enum RateClass
{
    None,
    Query,
    Order,
}

/// <summary>One Kiwoom api-id served on one path.</summary>
public sealed record SimOperation(string Path, string ApiId, RateClass Rate, Func<SimRequest, SimAnswer> Answer)
{
    /// <summary>Token calls (au10001/au10002) are the only ones without a bearer token.</summary>
    public bool NeedsToken => Rate != RateClass.None;
}
