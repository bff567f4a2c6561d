using System.Text.Json.Serialization;

namespace InterviewScheduler.Functions.Access;

/// <summary>One claim of a <see cref="ClientPrincipal"/>, as App Service Authentication writes it: <c>{"typ": ..., "val": ...}</c>.</summary>
/// <param name="Type">The claim's name after App Service's default claim mapping (e.g. <c>roles</c>, <c>name</c>).</param>
/// <param name="Value">The claim's value; a claim with several values appears once per value.</param>
public sealed record PrincipalClaim(
    [property: JsonPropertyName("typ")] string Type,
    [property: JsonPropertyName("val")] string Value);
