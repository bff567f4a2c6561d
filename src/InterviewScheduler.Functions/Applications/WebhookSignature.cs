using System.Security.Cryptography;
using System.Text;

namespace InterviewScheduler.Functions.Applications;

/// <summary>Checks <c>X-Signature-SHA256</c>: the hex HMAC-SHA256 of the raw body with the shared secret.</summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Signature-SHA256";

    /// <summary>Whether <paramref name="signature"/> signs <paramref name="body"/>; compared in constant time.</summary>
    public static bool IsValid(string secret, byte[] body, string? signature)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (string.IsNullOrWhiteSpace(signature)) return false;
        var text = signature.Trim();
        if (text.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase)) text = text[7..];
        byte[] given;
        try
        {
            given = Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>The signature a sender computes, for clients and tests.</summary>
    public static string Sign(string secret, byte[] body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
