using Gslts.KiwoomBridge;
using Gslts.KiwoomSim;

namespace Gslts.Silo.Configuration;

/// <summary>
/// When this process runs the bridge against its own in-process KiwoomSim and no <c>Gslts:Kiwoom:FeedKeys</c> are
/// configured, the sim's feed accounts (<see cref="SimFeedAccounts"/>) become the bridge's feed keys, so the embedded
/// default collects the whole simulated market (one app key per session's worth of codes, like Kiwoom). A bridge
/// pointed anywhere else — a real Kiwoom host, a sim in another process — never gets them.
/// </summary>
public static class SimFeedKeys
{
    private const string FeedKeys = KiwoomOptions.Section + ":FeedKeys";

    /// <summary>The configuration entries (<c>Gslts:Kiwoom:FeedKeys:n:AppKey</c> / <c>SecretKey</c>) to add; empty when none apply.</summary>
    public static IReadOnlyDictionary<string, string?> For(IConfiguration configuration, GsltsRoles roles)
    {
        if (!roles.Sim || !roles.Bridge || configuration.GetSection(FeedKeys).GetChildren().Any()) return new Dictionary<string, string?>();
        var kiwoom = configuration.GetSection(KiwoomOptions.Section).Get<KiwoomOptions>() ?? new KiwoomOptions();
        var sim = configuration.GetSection(SimOptions.Section).Get<SimOptions>() ?? new SimOptions();
        if (!IsInProcessSim(kiwoom, sim)) return new Dictionary<string, string?>();
        var keys = new Dictionary<string, string?>();
        foreach (var (account, i) in SimFeedAccounts.For(sim).Where(a => a.AppKey != kiwoom.AppKey).Select((a, i) => (a, i)))
        {
            keys[$"{FeedKeys}:{i}:AppKey"] = account.AppKey;
            keys[$"{FeedKeys}:{i}:SecretKey"] = account.SecretKey;
        }

        return keys;
    }

    /// <summary>Both the bridge's REST and WebSocket hosts are this process's sim: loopback, the port it listens on.</summary>
    public static bool IsInProcessSim(KiwoomOptions kiwoom, SimOptions sim)
    {
        if (!Uri.TryCreate(kiwoom.BaseUrl, UriKind.Absolute, out var rest) || !rest.IsLoopback) return false;
        Uri socket;
        try
        {
            socket = kiwoom.WebSocketUri;
        }
        catch (UriFormatException)
        {
            return false;
        }

        var listening = sim.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .Where(u => u.IsLoopback && u.Port > 0)
            .ToList();
        return listening.Any(u => u.Scheme == rest.Scheme && u.Port == rest.Port)
            && socket.IsLoopback && listening.Any(u => u.Port == socket.Port);
    }
}
