using Microsoft.Extensions.Configuration;

namespace Gslts.Silo.Configuration;

/// <summary>Orleans ports from <c>Gslts:Cluster:SiloPort</c> and <c>Gslts:Cluster:GatewayPort</c>.</summary>
public sealed record ClusterSettings(int SiloPort, int GatewayPort)
{
    public static ClusterSettings From(IConfiguration configuration) =>
        new(Port(configuration, "Gslts:Cluster:SiloPort", 11111), Port(configuration, "Gslts:Cluster:GatewayPort", 30000));

    private static int Port(IConfiguration configuration, string key, int fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, out var port) && port is > 0 and <= 65535
            ? port
            : throw new GsltsConfigurationException(key, $"'{text}' is not a TCP port (1-65535).");
    }
}
