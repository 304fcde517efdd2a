using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomBridge.Auth;

/// <summary>
/// Issues (au10001), renews and revokes (au10002) the access token. Kiwoom gives the expiry as a KST
/// wall-clock time, so it is converted with an explicit +09:00 offset whatever the host's time zone.
/// </summary>
public sealed class KiwoomTokenClient(
    IHttpClientFactory http, KiwoomAppKey key, IOptions<KiwoomOptions> options, TimeProvider time, ILogger<KiwoomTokenClient> logger)
{
    public const string HttpClientName = "kiwoom";
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private readonly SemaphoreSlim gate = new(1, 1);
    private AccessToken? current;

    public AccessToken? Current => current;

    /// <summary>A token valid for longer than <see cref="KiwoomOptions.RenewBefore"/>, issuing a new one when needed.</summary>
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        var token = current;
        if (token is not null && !NeedsRenewal(token)) return token.Value;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is null || NeedsRenewal(current)) current = await IssueAsync(cancellationToken);
            return current.Value;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Drops <paramref name="rejected"/> after Kiwoom refused it (8005), so the next call issues a new one.</summary>
    public void Invalidate(string rejected) => Interlocked.CompareExchange(ref current, null, current?.Value == rejected ? current : null);

    public bool NeedsRenewal(AccessToken token) => token.ExpiresAt - time.GetUtcNow() <= options.Value.RenewBefore;

    public async Task RevokeAsync(CancellationToken cancellationToken)
    {
        var token = Interlocked.Exchange(ref current, null);
        if (token is null) return;
        using var body = await PostAsync("/oauth2/revoke", "au10002", new { appkey = key.AppKey, secretkey = key.SecretKey, token = token.Value }, cancellationToken);
        KiwoomError.ThrowIfFailed(body.RootElement, "au10002");
        logger.LogInformation("Kiwoom token revoked");
    }

    public static DateTimeOffset ParseKst(string yyyyMMddHHmmss) =>
        new(DateTime.ParseExact(yyyyMMddHHmmss, "yyyyMMddHHmmss", CultureInfo.InvariantCulture), Kst);

    private async Task<AccessToken> IssueAsync(CancellationToken cancellationToken)
    {
        using var body = await PostAsync("/oauth2/token", "au10001",
            new { grant_type = "client_credentials", appkey = key.AppKey, secretkey = key.SecretKey }, cancellationToken);
        var root = body.RootElement;
        KiwoomError.ThrowIfFailed(root, "au10001");
        var token = new AccessToken(root.GetProperty("token").GetString()!, ParseKst(root.GetProperty("expires_dt").GetString()!));
        logger.LogInformation("Kiwoom token issued, expires {ExpiresAt:yyyy-MM-dd HH:mm:ss zzz}", token.ExpiresAt.ToOffset(Kst));
        return token;
    }

    private async Task<JsonDocument> PostAsync(string path, string apiId, object payload, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(options.Value.BaseUrl), path))
        {
            Content = JsonContent.Create(payload),
        };
        request.Headers.Add("api-id", apiId);
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Kiwoom {apiId} answered HTTP {(int)response.StatusCode}", null, response.StatusCode);
        }

        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
    }
}

/// <summary>An access token and the instant it expires.</summary>
public sealed record AccessToken(string Value, DateTimeOffset ExpiresAt)
{
    // Never print the token itself.
    public override string ToString() => $"AccessToken(expires {ExpiresAt:O})";
}
