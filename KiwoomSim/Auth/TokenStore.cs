using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomSim.Auth;

/// <summary>Access tokens issued to the configured app keys; they expire after <see cref="Lifetime"/> of wall-clock time.</summary>
public sealed class TokenStore(IOptions<SimOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private readonly ConcurrentDictionary<string, IssuedToken> tokens = new();

    public IssuedToken? Issue(string? appKey, string? secretKey)
    {
        var account = options.Value.Accounts.FirstOrDefault(a =>
            a.AppKey.Length > 0 && FixedTimeEquals(a.AppKey, appKey) && FixedTimeEquals(a.SecretKey, secretKey));
        if (account is null) return null;

        var token = new IssuedToken(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), account, time.GetUtcNow() + Lifetime);
        tokens[token.Value] = token;
        return token;
    }

    public IssuedToken? Validate(string? token) =>
        token is not null && tokens.TryGetValue(token, out var issued) && issued.ExpiresAt > time.GetUtcNow() ? issued : null;

    public bool Revoke(string? appKey, string? token) =>
        token is not null && tokens.TryGetValue(token, out var issued) && issued.Account.AppKey == appKey && tokens.TryRemove(token, out _);

    /// <summary>Ends every token now (fault injection and tests).</summary>
    public void ExpireAll() => tokens.Clear();

    private static bool FixedTimeEquals(string expected, string? actual) =>
        actual is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(actual));
}

public sealed record IssuedToken(string Value, SimAccount Account, DateTimeOffset ExpiresAt);
