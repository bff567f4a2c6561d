namespace InterviewScheduler.Graph.Connection;

/// <summary>How the service reaches Microsoft Graph (configuration section <c>Graph</c>).</summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";

    /// <summary>The public Microsoft Graph v1.0 endpoint.</summary>
    public static readonly Uri MicrosoftGraphV1 = new("https://graph.microsoft.com/v1.0");

    /// <summary>Graph endpoint including the version segment, for example <c>https://graph.microsoft.com/v1.0</c>.</summary>
    public Uri BaseUrl { get; set; } = MicrosoftGraphV1;

    /// <summary>How tokens are obtained; <see cref="GraphAuth.ManagedIdentity"/> unless configured.</summary>
    public GraphAuth Auth { get; set; } = GraphAuth.ManagedIdentity;

    /// <summary>Entra tenant id, for <see cref="GraphAuth.ClientSecret"/>.</summary>
    public string? TenantId { get; set; }

    /// <summary>App registration id for <see cref="GraphAuth.ClientSecret"/>, or a user-assigned identity's client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>Client secret for <see cref="GraphAuth.ClientSecret"/>; kept out of the repository.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Lists what is wrong with these options, naming each setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && !BaseUrl.IsLoopback))
        {
            problems.Add("Graph:BaseUrl must be an absolute https URL (plain http only for a loopback address).");
        }

        switch (Auth)
        {
            case GraphAuth.None when !BaseUrl.IsLoopback:
                problems.Add("Graph:Auth=None is accepted only when Graph:BaseUrl is a loopback address (the sandbox tenant).");
                break;
            case GraphAuth.ClientSecret:
                if (string.IsNullOrWhiteSpace(TenantId)) problems.Add("Graph:TenantId is required when Graph:Auth=ClientSecret.");
                if (string.IsNullOrWhiteSpace(ClientId)) problems.Add("Graph:ClientId is required when Graph:Auth=ClientSecret.");
                if (string.IsNullOrWhiteSpace(ClientSecret)) problems.Add("Graph:ClientSecret is required when Graph:Auth=ClientSecret.");
                break;
        }

        return problems;
    }
}

/// <summary>The ways the service authenticates to Graph. All use application permissions.</summary>
public enum GraphAuth
{
    /// <summary>The Function App's managed identity (user-assigned when <c>Graph:ClientId</c> is set).</summary>
    ManagedIdentity,

    /// <summary>An app registration with a client secret.</summary>
    ClientSecret,

    /// <summary>No token at all: only for the local sandbox tenant.</summary>
    None,
}
