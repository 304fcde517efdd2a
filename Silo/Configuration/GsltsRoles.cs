namespace Gslts.Silo.Configuration;

/// <summary>What this process hosts, from <c>Gslts:Roles</c> (default: all four).</summary>
public sealed record GsltsRoles(bool Silo, bool Web, bool Bridge, bool Sim)
{
    public const string Key = "Gslts:Roles";
    public const string Default = "silo,web,bridge,sim";
    private static readonly string[] Known = ["silo", "web", "bridge", "sim"];

    /// <summary>Web and bridge roles talk to grains; without a local silo they join the cluster as a client.</summary>
    public bool NeedsClusterClient => !Silo && (Web || Bridge);

    public static GsltsRoles Parse(string? value)
    {
        var names = (string.IsNullOrWhiteSpace(value) ? Default : value)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant())
            .ToHashSet();
        var unknown = names.Except(Known).ToList();
        if (unknown.Count > 0)
        {
            throw new GsltsConfigurationException(Key,
                $"Unknown role '{string.Join("', '", unknown)}'; the roles are {string.Join(", ", Known)}.");
        }

        if (names.Count == 0)
        {
            throw new GsltsConfigurationException(Key, $"No role given; use some of {string.Join(", ", Known)}.");
        }

        return new GsltsRoles(names.Contains("silo"), names.Contains("web"), names.Contains("bridge"), names.Contains("sim"));
    }

    public override string ToString() =>
        string.Join(",", new[] { (Silo, "silo"), (Web, "web"), (Bridge, "bridge"), (Sim, "sim") }.Where(r => r.Item1).Select(r => r.Item2));
}
