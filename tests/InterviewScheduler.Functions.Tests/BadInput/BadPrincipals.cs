using System.Text;
using CsCheck;
using InterviewScheduler.Functions.Access;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Http;

namespace InterviewScheduler.Functions.Tests.BadInput;

/// <summary>An <c>X-MS-CLIENT-PRINCIPAL</c> header that is no recruiter's: absent, not App Service's, or a person without the role.</summary>
/// <param name="Readable">A principal App Service could have written: a person signed in, only without the role (403, not 401).</param>
internal sealed record BadPrincipal(string What, string? Header, bool Readable = false)
{
    public override string ToString() => $"{What}: {BadJson.Preview(Encoding.UTF8.GetBytes(Header ?? "(none)"))}";

    /// <summary><paramref name="request"/> carrying this header instead of the recruiter's.</summary>
    public HttpRequest On(HttpRequest request)
    {
        FunctionRequests.Anonymous(request);
        if (Header is not null) request.Headers[ClientPrincipal.HeaderName] = Header;
        return request;
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public static readonly Gen<BadPrincipal> Any = Gen.OneOf(
        Gen.OneOf(
            new BadPrincipal("none", null),
            new BadPrincipal("empty", ""),
            new BadPrincipal("not base64", "not base64!"),
            new BadPrincipal("base64 of text", Base64("recruiter")),
            new BadPrincipal("base64 of JSON null", Base64("null")),
            new BadPrincipal("no claims", Base64("""{"auth_typ":"aad"}""")),
            new BadPrincipal("no provider", Base64("""{"claims":[{"typ":"roles","val":"Recruiter"}]}""")),
            new BadPrincipal("claims not an array", Base64("""{"auth_typ":"aad","claims":{"typ":"roles","val":"Recruiter"}}""")),
            new BadPrincipal("a null claim", Base64("""{"auth_typ":"aad","claims":[null]}""")),
            new BadPrincipal("a claim without a value", Base64("""{"auth_typ":"aad","claims":[{"typ":"roles"}]}""")),
            new BadPrincipal("a numeric role", Base64("""{"auth_typ":"aad","claims":[{"typ":"roles","val":1}]}""")),
            new BadPrincipal("the role in another case", Base64("""{"auth_typ":"aad","claims":[{"typ":"roles","val":"recruiter"}]}"""), Readable: true),
            new BadPrincipal("the role with a zero-width space", Base64("{\"auth_typ\":\"aad\",\"claims\":[{\"typ\":\"roles\",\"val\":\"Recruiter\\u200B\"}]}"), Readable: true),
            new BadPrincipal("a lone surrogate", Base64("{\"auth_typ\":\"aad\",\"claims\":[{\"typ\":\"roles\",\"val\":\"Recruiter\\ud800\"}]}")),
            new BadPrincipal("an interviewer", TestPrincipals.Interviewer.ToHeaderValue(), Readable: true)),
        BadValues.DeepNesting.Select(v => new BadPrincipal("base64 of JSON " + v.What, Convert.ToBase64String(v.Json))),
        Gen.Int[48 * 1024, 100 * 1024].Select(n => new BadPrincipal($"{n} characters", new string('A', n))));
}
