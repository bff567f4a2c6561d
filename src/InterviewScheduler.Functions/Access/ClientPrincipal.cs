using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace InterviewScheduler.Functions.Access;

/// <summary>
/// The signed-in user as App Service Authentication ("Easy Auth") hands it to the app: the <c>X-MS-CLIENT-PRINCIPAL</c>
/// request header, base64 of the JSON <c>{"auth_typ", "name_typ", "role_typ", "claims": [{"typ", "val"}]}</c>. Format
/// and the promise that requests from outside cannot set the header: "Work with user identities in Azure App Service
/// authentication", https://learn.microsoft.com/azure/app-service/configure-authentication-user-identities (Access
/// user claims in app code; Decode the client principal header). The DevHost sets the same header from its development
/// sign-in. Immutable.
/// </summary>
public sealed record ClientPrincipal
{
    /// <summary>The request header App Service Authentication sets (and strips from requests that arrive with it).</summary>
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>
    /// The claim Microsoft Entra ID puts app roles in. App Service names another type in <c>role_typ</c> (the WS-Federation
    /// role URI) while Entra's role claims arrive as <c>roles</c>, so both are read.
    /// </summary>
    public const string RolesClaim = "roles";

    /// <summary>The user's Entra object id after App Service's claim mapping (<c>oid</c> in the token).</summary>
    public const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    /// <summary>The claim types App Service gives an Entra ID principal for its name and roles.</summary>
    public const string EntraNameType = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";

    /// <inheritdoc cref="EntraNameType"/>
    public const string EntraRoleType = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    // A real principal is a few kilobytes (group claims included); anything far larger is not one.
    private const int MaxHeaderLength = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The identity provider, e.g. <c>aad</c> for Microsoft Entra ID.</summary>
    [JsonPropertyName("auth_typ")]
    public required string AuthenticationType { get; init; }

    /// <summary>The claim type holding the user's name.</summary>
    [JsonPropertyName("name_typ")]
    public string? NameClaimType { get; init; }

    /// <summary>The claim type App Service says holds roles (see <see cref="RolesClaim"/>).</summary>
    [JsonPropertyName("role_typ")]
    public string? RoleClaimType { get; init; }

    [JsonPropertyName("claims")]
    public required IReadOnlyList<PrincipalClaim> Claims { get; init; }

    /// <summary>The user's Entra object id: the only thing about the user that logs may carry.</summary>
    [JsonIgnore]
    public string? ObjectId => Value(ObjectIdClaim) ?? Value("oid");

    /// <summary>The user's display name, for the pages to show; never for logs.</summary>
    [JsonIgnore]
    public string? Name => Value("name") ?? (NameClaimType is { } type ? Value(type) : null);

    /// <summary>The user's sign-in name (user principal name), for the pages to show; never for logs.</summary>
    [JsonIgnore]
    public string? UserName => Value("preferred_username") ?? Value(EntraNameType);

    /// <summary>The app roles the user was given (case-sensitive values, as Entra ID issues them).</summary>
    [JsonIgnore]
    public IEnumerable<string> Roles => Claims.Where(c => c.Type == RolesClaim || (RoleClaimType is not null && c.Type == RoleClaimType)).Select(c => c.Value).Distinct(StringComparer.Ordinal);

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>
    /// The principal of <paramref name="request"/>, or null when it carries none or one that cannot be read (not base64,
    /// not JSON, no provider, no claims array): such a header did not come from App Service, and counts as no sign-in.
    /// </summary>
    public static ClientPrincipal? From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TryParse(request.Headers[HeaderName], out var principal) ? principal : null;
    }

    /// <summary>Reads a header value; false for an absent, empty or unreadable one.</summary>
    public static bool TryParse(string? header, out ClientPrincipal? principal)
    {
        principal = null;
        if (string.IsNullOrWhiteSpace(header) || header.Length > MaxHeaderLength) return false;

        var bytes = new byte[header.Length];
        if (!Convert.TryFromBase64String(header.Trim(), bytes, out var length)) return false;
        try
        {
            principal = JsonSerializer.Deserialize<ClientPrincipal>(bytes.AsSpan(0, length), Json);
        }
        catch (JsonException)
        {
            return false;
        }

        // required members guard their presence, not their content: a null claim or provider is no principal.
        if (principal is null || string.IsNullOrWhiteSpace(principal.AuthenticationType) || principal.Claims is null
            || principal.Claims.Any(c => c is null || c.Type is null || c.Value is null))
        {
            principal = null;
            return false;
        }

        return true;
    }

    /// <summary>The header value for this principal: base64 of its JSON, as App Service writes it.</summary>
    public string ToHeaderValue() => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this, Json)));

    /// <summary>
    /// A Microsoft Entra ID user as App Service Authentication presents one: object id, name, preferred user name and one
    /// <c>roles</c> claim per app role. Used where no platform signs anyone in: the DevHost's development sign-in and tests.
    /// </summary>
    public static ClientPrincipal ForEntraUser(Guid objectId, string name, string userPrincipalName, IEnumerable<string> roles)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(userPrincipalName);
        ArgumentNullException.ThrowIfNull(roles);
        return new ClientPrincipal
        {
            AuthenticationType = "aad",
            NameClaimType = EntraNameType,
            RoleClaimType = EntraRoleType,
            Claims =
            [
                new(ObjectIdClaim, objectId.ToString()),
                new("name", name),
                new(EntraNameType, userPrincipalName),
                new("preferred_username", userPrincipalName),
                .. roles.Select(role => new PrincipalClaim(RolesClaim, role)),
            ],
        };
    }

    private string? Value(string type) => Claims.FirstOrDefault(c => c.Type == type)?.Value;
}
