using System.ComponentModel.DataAnnotations;
using InterviewScheduler.Core.Configuration;

namespace InterviewScheduler.Graph.Connection;

/// <summary>
/// How the service reaches Microsoft Graph (configuration section <c>Graph</c>), checked at start-up by
/// <see cref="GraphOptionsValidator"/>; the rules that tie settings together are <see cref="Validate"/>.
/// </summary>
public sealed class GraphOptions : IValidatableObject
{
    public const string SectionName = "Graph";

    /// <summary>The public Microsoft Graph v1.0 endpoint.</summary>
    public static readonly Uri MicrosoftGraphV1 = new("https://graph.microsoft.com/v1.0");

    private const string InvalidBaseUrl = "Graph:BaseUrl must be an absolute https URL (plain http only for a loopback address).";

    /// <summary>Graph endpoint including the version segment, for example <c>https://graph.microsoft.com/v1.0</c>.</summary>
    [Required(ErrorMessage = InvalidBaseUrl)]
    [HttpsUrl(ErrorMessage = InvalidBaseUrl)]
    public Uri BaseUrl { get; set; } = MicrosoftGraphV1;

    /// <summary>How tokens are obtained; <see cref="GraphAuth.ManagedIdentity"/> unless configured.</summary>
    public GraphAuth Auth { get; set; } = GraphAuth.ManagedIdentity;

    /// <summary>Entra tenant id, for <see cref="GraphAuth.ClientSecret"/>.</summary>
    public string? TenantId { get; set; }

    /// <summary>App registration id for <see cref="GraphAuth.ClientSecret"/>, or a user-assigned identity's client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>Client secret for <see cref="GraphAuth.ClientSecret"/>; kept out of the repository.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Lists what is wrong with these options, naming each setting (what start-up reports); empty when they are usable.</summary>
    public IReadOnlyList<string> Problems() => [.. new GraphOptionsValidator().Validate(null, this).Failures ?? []];

    /// <summary>The rules no attribute can state: which settings the chosen <see cref="Auth"/> needs.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        switch (Auth)
        {
            case GraphAuth.None when BaseUrl is not { IsAbsoluteUri: true, IsLoopback: true }:
                yield return new ValidationResult("Graph:Auth=None is accepted only when Graph:BaseUrl is a loopback address (the sandbox tenant).", [nameof(Auth)]);
                break;
            case GraphAuth.ClientSecret:
                if (string.IsNullOrWhiteSpace(TenantId)) yield return RequiredForClientSecret(nameof(TenantId));
                if (string.IsNullOrWhiteSpace(ClientId)) yield return RequiredForClientSecret(nameof(ClientId));
                if (string.IsNullOrWhiteSpace(ClientSecret)) yield return RequiredForClientSecret(nameof(ClientSecret));
                break;
        }
    }

    private static ValidationResult RequiredForClientSecret(string setting) =>
        new($"Graph:{setting} is required when Graph:Auth=ClientSecret.", [setting]);
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
