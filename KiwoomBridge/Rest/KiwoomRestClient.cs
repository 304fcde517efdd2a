using Gslts.Grains.Interfaces.Accounts;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Gslts.KiwoomBridge.Auth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomBridge.Rest;

/// <summary>
/// Kiwoom REST calls: budgets per app key, bearer token (renewed once when Kiwoom rejects it), 1700 answered with
/// backoff, transient faults retried for queries only — an order whose answer is lost is never sent again blindly.
/// </summary>
public sealed class KiwoomRestClient(
    IHttpClientFactory http, KiwoomTokenClient tokens, KiwoomRateLimiter limiter, IOptions<KiwoomOptions> options, TimeProvider time,
    ILogger<KiwoomRestClient> logger)
{
    private const int Attempts = 4;

    /// <summary>One call; the answer body with its paging key (null when <c>cont-yn</c> is N).</summary>
    public async Task<(JsonDocument Body, string? NextKey)> CallAsync(
        string path, string apiId, object body, CallKind kind, string? nextKey, CancellationToken cancellationToken)
    {
        var renewed = false;
        for (var attempt = 1; ; attempt++)
        {
            await limiter.AcquireAsync(kind, cancellationToken);
            var token = await tokens.GetAsync(cancellationToken);
            HttpResponseMessage response;
            try
            {
                response = await SendAsync(path, apiId, body, token, nextKey, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (kind == CallKind.Order) throw Lost(apiId, e);
                if (attempt >= Attempts) throw;
                await BackoffAsync(apiId, attempt, e.Message, cancellationToken);
                continue;
            }

            using (response)
            {
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && !renewed)
                {
                    renewed = Invalidate(token, apiId);
                    continue;
                }

                if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    // A 5xx on an order says nothing about whether it reached the exchange.
                    var failure = new HttpRequestException($"HTTP {(int)response.StatusCode}", null, response.StatusCode);
                    if (kind == CallKind.Order && response.StatusCode != HttpStatusCode.TooManyRequests) throw Lost(apiId, failure);
                    if (attempt >= Attempts) throw failure;
                    await BackoffAsync(apiId, attempt, failure.Message, cancellationToken);
                    continue;
                }

                var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
                try
                {
                    KiwoomError.ThrowIfFailed(document.RootElement, apiId);
                }
                catch (KiwoomException e) when (e.IsTokenProblem && !renewed)
                {
                    document.Dispose();
                    renewed = Invalidate(token, apiId);
                    continue;
                }
                catch (KiwoomException e) when (e.KiwoomCode == KiwoomError.RateLimited && attempt < Attempts)
                {
                    // 1700 means "not processed": waiting and sending again is safe, orders included.
                    document.Dispose();
                    await BackoffAsync(apiId, attempt, "1700 rate limited", cancellationToken);
                    continue;
                }
                catch
                {
                    document.Dispose();
                    throw;
                }

                var more = response.Headers.TryGetValues("cont-yn", out var cont) && cont.FirstOrDefault() == "Y";
                var key = more && response.Headers.TryGetValues("next-key", out var keys) ? keys.FirstOrDefault() : null;
                return (document, more ? key : null);
            }
        }
    }

    /// <summary>Every page of a paged query, following <c>cont-yn</c>/<c>next-key</c> until Kiwoom says there is no more.</summary>
    public IAsyncEnumerable<JsonDocument> PagesAsync(string path, string apiId, object body, CancellationToken cancellationToken) =>
        PagesAsync(path, apiId, body, CallKind.Query, cancellationToken);

    /// <summary>Every page of a paged query, each spending <paramref name="kind"/>'s budget (a query, or a background query that yields).</summary>
    public async IAsyncEnumerable<JsonDocument> PagesAsync(string path, string apiId, object body, CallKind kind,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (kind == CallKind.Order) throw new ArgumentOutOfRangeException(nameof(kind), kind, "orders are not paged");
        string? nextKey = null;
        do
        {
            var (page, key) = await CallAsync(path, apiId, body, kind, nextKey, cancellationToken);
            yield return page;
            nextKey = key;
        }
        while (nextKey is not null);
    }

    /// <summary>An order whose answer never arrived: it may or may not be at the exchange; reconcile before acting again.</summary>
    private static OrderOutcomeUnknownException Lost(string apiId, Exception inner) =>
        new($"Kiwoom {apiId}: the answer was lost ({inner.Message}); the order may have been accepted — reconcile with ka10075/ka10076", inner);

    private bool Invalidate(string token, string apiId)
    {
        logger.LogWarning("Kiwoom refused the token on {ApiId}; issuing a new one and retrying once", apiId);
        tokens.Invalidate(token);
        return true;
    }

    private async Task BackoffAsync(string apiId, int attempt, string reason, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt - 1) * (0.8 + Random.Shared.NextDouble() * 0.4));
        logger.LogWarning("Kiwoom {ApiId} attempt {Attempt} failed ({Reason}); retrying in {Delay:0} ms", apiId, attempt, reason, delay.TotalMilliseconds);
        await Task.Delay(delay, time, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string apiId, object body, string token, string? nextKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(options.Value.BaseUrl), path)) { Content = JsonContent.Create(body) };
        request.Headers.Add("api-id", apiId);
        request.Headers.TryAddWithoutValidation("authorization", $"Bearer {token}");
        if (nextKey is not null)
        {
            request.Headers.Add("cont-yn", "Y");
            request.Headers.Add("next-key", nextKey);
        }

        return await http.CreateClient(KiwoomTokenClient.HttpClientName).SendAsync(request, cancellationToken);
    }
}
