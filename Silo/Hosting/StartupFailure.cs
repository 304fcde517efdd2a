using System.Net.Sockets;
using Gslts.Silo.Configuration;
using Microsoft.Extensions.Options;

namespace Gslts.Silo.Hosting;

/// <summary>Turns the start-up failures an operator can fix into one sentence; anything else stays a crash.</summary>
public static class StartupFailure
{
    public static string? Describe(Exception failure)
    {
        for (Exception? e = failure; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case GsltsConfigurationException config:
                    return config.Message;
                case OptionsValidationException options:
                    return string.Join(" ", options.Failures);
                case SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }:
                case IOException when e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase):
                    return $"A port is already in use ({e.Message}). Fix --urls, Gslts:Sim:Urls or Gslts:Cluster:SiloPort / GatewayPort.";
            }
        }

        return null;
    }
}
