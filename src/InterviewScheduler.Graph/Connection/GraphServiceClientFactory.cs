using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Kiota.Abstractions.Authentication;

namespace InterviewScheduler.Graph.Connection;

/// <summary>
/// Builds the one <see cref="GraphServiceClient"/> the service uses, on the SDK's default handler chain
/// (retry honouring 429/503 and Retry-After, redirects, compression) whatever the endpoint.
/// </summary>
public static class GraphServiceClientFactory
{
    private static readonly string[] GraphScopes = ["https://graph.microsoft.com/.default"];

    /// <param name="options">Endpoint and credential settings; must have no <see cref="GraphOptions.Problems"/>.</param>
    /// <param name="finalHandler">Transport under the SDK's handlers; tests pass one to observe traffic.</param>
    /// <param name="throttled">Called with the status code of each throttled response (every attempt, retries included).</param>
    public static GraphServiceClient Create(GraphOptions options, HttpMessageHandler? finalHandler = null, Action<int>? throttled = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        if (throttled is not null)
        {
            // Under the retry handler, so that each 429 is counted, not only the last.
            finalHandler = new GraphThrottlingObserver(throttled) { InnerHandler = finalHandler ?? new HttpClientHandler() };
        }

        var httpClient = GraphClientFactory.Create(finalHandler: finalHandler);
        return new GraphServiceClient(httpClient, CreateAuthenticationProvider(options), options.BaseUrl.ToString().TrimEnd('/'));
    }

    private static IAuthenticationProvider CreateAuthenticationProvider(GraphOptions options)
    {
        if (options.Auth == GraphAuth.None)
        {
            return new AnonymousAuthenticationProvider();
        }

        TokenCredential credential = options.Auth switch
        {
            GraphAuth.ClientSecret => new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret),
            _ => string.IsNullOrWhiteSpace(options.ClientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId)),
        };

        // The SDK sends tokens only to hosts it knows; a Graph-compatible endpoint elsewhere must be named.
        string[] allowedHosts = [options.BaseUrl.Host];
        return new AzureIdentityAuthenticationProvider(credential, allowedHosts, observabilityOptions: null, isCaeEnabled: true, scopes: GraphScopes);
    }
}
