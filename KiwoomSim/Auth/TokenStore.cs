using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomSim.Auth;

/// <summary>Access tokens issued to the configured app keys and the sim's feed accounts (<see cref="SimFeedAccounts"/>); they expire after <see cref="Lifetime"/> of wall-clock time.</summary>
public sealed class TokenStore(IOptions<SimOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private readonly ConcurrentDictionary<string, IssuedToken> tokens = new();

    public IssuedToken? Issue(string? appKey, string? secretKey)
    {
        if (AccountOf(appKey, secretKey) is not { } account) return null;

        var token = new IssuedToken(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), account, time.GetUtcNow() + Lifetime);
        tokens[token.Value] = token;
        return token;
    }

    public IssuedToken? Validate(string? token) =>
        token is not null && tokens.TryGetValue(token, out var issued) && issued.ExpiresAt > time.GetUtcNow() ? issued : null;

    /// <summary>au10002: the key pair must be right and the token theirs.</summary>
    public RevokeResult Revoke(string? appKey, string? secretKey, string? token)
    {
        if (AccountOf(appKey, secretKey) is null) return RevokeResult.WrongKeys;
        return token is not null && tokens.TryGetValue(token, out var issued) && issued.Account.AppKey == appKey && tokens.TryRemove(token, out _)
            ? RevokeResult.Revoked
            : RevokeResult.UnknownToken;
    }

    /// <summary>Ends every token now (fault injection and tests).</summary>
    public void ExpireAll() => tokens.Clear();

    private SimAccount? AccountOf(string? appKey, string? secretKey) => options.Value.LoginAccounts().FirstOrDefault(a =>
        a.AppKey.Length > 0 && FixedTimeEquals(a.AppKey, appKey) && FixedTimeEquals(a.SecretKey, secretKey));

    private static bool FixedTimeEquals(string expected, string? actual) =>
        actual is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(actual));
}

public enum RevokeResult
{
    Revoked,
    WrongKeys,
    UnknownToken,
}

public sealed record IssuedToken(string Value, SimAccount Account, DateTimeOffset ExpiresAt);
