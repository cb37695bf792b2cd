using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Talka.Web.Tests;

/// <summary>Checks each API response against <see cref="OpenApiContract"/> and fails the request that does not
/// match.</summary>
public sealed class ContractCheckingHandler(Func<OpenApiContract> contract) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        if (!path.StartsWith("/api/", StringComparison.Ordinal)) return response;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var body = mediaType is "application/json" or "application/problem+json" ? await response.Content.ReadAsStringAsync(cancellationToken) : "";
        var failure = contract().Check(request.Method, path, (int)response.StatusCode, mediaType, body);
        if (failure is not null) throw new InvalidOperationException("OpenAPI contract: " + failure);
        if (body.Length > 0)
        {
            // The content was read for the check: give the test a fresh copy with the same headers.
            var copy = new StringContent(body);
            copy.Headers.ContentType = new MediaTypeHeaderValue(mediaType!) { CharSet = "utf-8" };
            response.Content = copy;
        }
        return response;
    }
}
