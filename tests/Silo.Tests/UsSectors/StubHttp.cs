using System.Net;
using System.Text;

namespace Gslts.Silo.Tests.UsSectors;

/// <summary>An HTTP client factory whose clients answer from a function of the request; the requests are kept.</summary>
internal sealed class StubHttp(Func<HttpRequestMessage, (HttpStatusCode Status, string Json)> answer) : IHttpClientFactory
{
    public List<Uri> Requests { get; } = [];

    private (HttpStatusCode Status, string Json) Answer(HttpRequestMessage request) => answer(request);

    public HttpClient CreateClient(string name) => new(new Handler(this));

    private sealed class Handler(StubHttp owner) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (owner.Requests) owner.Requests.Add(request.RequestUri!);
            var (status, json) = owner.Answer(request);
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
        }
    }
}
