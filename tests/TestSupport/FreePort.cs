using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Gslts.TestSupport;

/// <summary>
/// Loopback ports for test hosts that must be told a port before they start (the sim, Orleans' silo and gateway).
/// A port is one the OS just handed out and never one this process handed out before, so parallel hosts of one test
/// run do not collide; a web host that can bind port 0 itself should (<see cref="AnyPort"/>) and read what it got.
/// </summary>
public static class FreePort
{
    /// <summary>The URL a host binds to let the OS choose its port.</summary>
    public const string AnyPort = "http://127.0.0.1:0";

    private static readonly ConcurrentDictionary<int, byte> handedOut = new();

    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (handedOut.TryAdd(port, 0)) return port;
        }
    }
}
