using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>A call's operation, or the Kiwoom-style refusal to answer instead (with the HTTP status it goes with).</summary>
public sealed record ApiRoute(SimOperation? Operation, JsonObject? Refusal = null, int Status = StatusCodes.Status200OK);

/// <summary>
/// Finds the operation a call names by its path and <c>api-id</c> header. The token calls need no header (Kiwoom's own
/// SDK sends none there); every other refusal names what the sim does serve, so a client can fix its call.
/// </summary>
public sealed partial class ApiRouter(IReadOnlyList<SimOperation> operations)
{
    /// <summary>Kiwoom's domestic-stock paths; the sim serves some of them.</summary>
    public const string DomesticPrefix = "/api/dostk/";

    private readonly Dictionary<string, SimOperation> byId = operations.ToDictionary(op => op.ApiId);
    private readonly ILookup<string, SimOperation> byPath = operations.ToLookup(op => op.Path);

    public ApiRoute Route(string path, string apiId)
    {
        var onPath = byPath[path].ToList();
        if (onPath.Count == 0) return UnknownPath(path, apiId);
        if (apiId.Length == 0)
        {
            return onPath is [{ NeedsToken: false } token]
                ? new ApiRoute(token)
                : Refuse(KiwoomErrors.UnknownApiId, $"api-id 헤더가 없습니다: {path}의 API ID는 {Ids(onPath)}");
        }

        if (byId.TryGetValue(apiId, out var operation))
        {
            return operation.Path == path
                ? new ApiRoute(operation)
                : Refuse(KiwoomErrors.ApiIdNotOnPath, $"{apiId}는 {path}가 아니라 {operation.Path}에서 받습니다");
        }

        return IsKiwoomId(apiId)
            ? NotSupported($"{apiId} (KiwoomSim이 {path}에서 받는 API ID: {Ids(onPath)})")
            : Refuse(KiwoomErrors.UnknownApiId, $"존재하지 않는 API ID입니다 ({apiId})");
    }

    /// <summary>Kiwoom's api-ids are two letters (au token, ka query, kt trade) and five digits: ka10001, kt00018.</summary>
    public static bool IsKiwoomId(string apiId) => KiwoomId().IsMatch(apiId);

    private ApiRoute UnknownPath(string path, string apiId)
    {
        if (byId.TryGetValue(apiId, out var operation))
        {
            return Refuse(KiwoomErrors.ApiIdNotOnPath, $"{apiId}는 {path}가 아니라 {operation.Path}에서 받습니다");
        }

        // A Kiwoom path the sim does not serve (업종, 테마, ELW...) is a real call, not a typo.
        return path.StartsWith(DomesticPrefix, StringComparison.Ordinal)
            ? NotSupported($"{path} (KiwoomSim이 받는 경로: {string.Join(", ", byPath.Select(g => g.Key))})")
            : new ApiRoute(null, KiwoomErrors.Answer(KiwoomErrors.UnknownPath,
                $"Kiwoom REST 경로가 아닙니다 ({path}): {string.Join(", ", byPath.Select(g => g.Key))}"), StatusCodes.Status404NotFound);
    }

    private static ApiRoute NotSupported(string what) =>
        Refuse(KiwoomErrors.NotSupportedBySim, $"KiwoomSim이 지원하지 않습니다 (not supported by the simulator): {what}");

    private static ApiRoute Refuse(int code, string message) => new(null, KiwoomErrors.Answer(code, message));

    private static string Ids(IEnumerable<SimOperation> onPath) => string.Join(", ", onPath.Select(op => op.ApiId));

    [GeneratedRegex("^(au|ka|kt)[0-9]{5}$")]
    private static partial Regex KiwoomId();
}
