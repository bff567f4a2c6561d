namespace InterviewScheduler.Functions.Applications.Greenhouse;

/// <summary>
/// Greenhouse's <c>Signature: sha256 &lt;hex&gt;</c> header: the lowercase hex HMAC-SHA256 of the raw body with the
/// web hook's secret key, checked by <see cref="WebhookSignature"/> in constant time.
/// </summary>
public static class GreenhouseSignature
{
    public const string HeaderName = "Signature";

    private const string Scheme = "sha256 ";

    /// <summary>Whether <paramref name="header"/> is <c>sha256 </c> followed by the signature of <paramref name="body"/>.</summary>
    public static bool IsValid(string secretKey, byte[] body, string? header)
    {
        var text = header?.Trim();
        if (text is null || !text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)) return false;
        return WebhookSignature.IsValid(secretKey, body, text[Scheme.Length..]);
    }

    /// <summary>The header value Greenhouse sends for <paramref name="body"/>, for tests and replaying a delivery.</summary>
    public static string Sign(string secretKey, byte[] body) => Scheme + WebhookSignature.Sign(secretKey, body);
}
