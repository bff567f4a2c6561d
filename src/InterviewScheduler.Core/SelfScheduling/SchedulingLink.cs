using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace InterviewScheduler.Core.SelfScheduling;

/// <summary>
/// The key a candidate's self-scheduling link carries: <c>{applicationId}.{offerId}.{expiry}.{mac}</c>, where expiry is
/// Unix seconds (UTC) and mac the lowercase hex HMAC-SHA256, under <see cref="SelfSchedulingOptions.SigningKey"/>, of
/// the application id, the offer id, the hash of the offered panel and the expiry. Only the service can make one; any
/// change to any part makes it invalid. The application id is in it so the offer can be found without a lookup table.
/// </summary>
/// <param name="ApplicationId">The application (32 lowercase hex digits).</param>
/// <param name="OfferId">The offer (32 lowercase hex digits).</param>
/// <param name="ExpiresAt">When the link stops working (UTC, whole seconds).</param>
/// <param name="Mac">The signature as given (64 lowercase hex digits).</param>
public sealed record SchedulingLink(string ApplicationId, string OfferId, DateTimeOffset ExpiresAt, string Mac)
{
    private const int IdLength = 32;
    private const int MacLength = 64;

    /// <summary>The longest token <see cref="TryParse"/> reads; anything longer is not a link.</summary>
    public const int MaxLength = IdLength * 2 + MacLength + 24;

    /// <summary>The signed link token for an offer.</summary>
    public static string Sign(byte[] key, string applicationId, string offerId, string panelHash, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(key);
        var expiry = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{applicationId}.{offerId}.{expiry}.{Convert.ToHexStringLower(Compute(key, applicationId, offerId, panelHash, expiry))}";
    }

    /// <summary>Reads a token's parts; false for anything not exactly in the form <see cref="Sign"/> makes.</summary>
    public static bool TryParse(string? token, out SchedulingLink link)
    {
        link = new SchedulingLink("", "", DateTimeOffset.MinValue, "");
        if (token is null || token.Length > MaxLength) return false;
        var parts = token.Split('.');
        if (parts is not [var application, var offer, var expiry, var mac]) return false;
        if (!IsLowerHex(application, IdLength) || !IsLowerHex(offer, IdLength) || !IsLowerHex(mac, MacLength)) return false;
        // Digits only, no sign and no leading zero: one text per expiry, so the signed text is the one given.
        if (expiry.Length is 0 or > 12 || expiry[0] == '0' || !expiry.All(char.IsAsciiDigit)) return false;
        var seconds = long.Parse(expiry, CultureInfo.InvariantCulture);
        if (seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()) return false;
        link = new SchedulingLink(application, offer, DateTimeOffset.FromUnixTimeSeconds(seconds), mac);
        return true;
    }

    /// <summary>True when the signature is the service's for this link and <paramref name="panelHash"/>, compared in constant time.</summary>
    public bool IsSignedFor(byte[] key, string panelHash)
    {
        ArgumentNullException.ThrowIfNull(key);
        var expected = Compute(key, ApplicationId, OfferId, panelHash, ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(Mac));
    }

    private static byte[] Compute(byte[] key, string applicationId, string offerId, string panelHash, string expiry) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"self-scheduling|{applicationId}|{offerId}|{panelHash}|{expiry}"));

    private static bool IsLowerHex(string text, int length) => text.Length == length && text.All(char.IsAsciiHexDigitLower);
}
