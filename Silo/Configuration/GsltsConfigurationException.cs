namespace Gslts.Silo.Configuration;

/// <summary>Stops start-up with one clear line that names the configuration key to fix.</summary>
public sealed class GsltsConfigurationException(string key, string problem, Exception? inner = null)
    : Exception($"{problem} (configuration key: {key})", inner)
{
    public string Key { get; } = key;
}
