namespace InterviewScheduler.LoadTests;

/// <summary>
/// Signs in to the DevHost as the sandbox's recruiter (its development sign-in, <c>POST /.auth/login/dev</c>), since
/// reading applications back is a recruiter route. The answer's session cookie goes with each later read.
/// </summary>
internal static class RecruiterSignIn
{
    private const string Recruiter = "talent.recruiter@contoso.com";

    /// <summary>The <c>Cookie</c> header value of the session.</summary>
    public static async Task<string> CookieAsync(HttpClient http, Uri baseUrl, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent([new("user", Recruiter), new("role", "Recruiter")]);
        using var response = await http.PostAsync(new Uri(baseUrl, "/.auth/login/dev"), form, cancellationToken);
        if (!response.Headers.TryGetValues("Set-Cookie", out var cookies) || cookies.FirstOrDefault() is not { } cookie)
        {
            throw new HttpRequestException($"Signing in as {Recruiter} answered {(int)response.StatusCode} without a session cookie.");
        }

        return cookie.Split(';', 2)[0];
    }
}
