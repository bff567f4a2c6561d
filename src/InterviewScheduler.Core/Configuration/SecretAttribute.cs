using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace InterviewScheduler.Core.Configuration;

/// <summary>
/// A secret setting (an HMAC key, a shared secret): unset or empty passes, as the feature it guards is then off;
/// otherwise at least <see cref="MinimumLength"/> characters besides leading and trailing white space, since a key
/// short enough to guess protects nothing.
/// </summary>
/// <param name="minimumLength">The shortest accepted secret, in characters; <c>{1}</c> in the message.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SecretAttribute(int minimumLength) : ValidationAttribute
{
    /// <summary>The shortest accepted secret, in characters.</summary>
    public int MinimumLength { get; } = minimumLength;

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string secret => secret.Length == 0 || secret.Trim().Length >= MinimumLength,
        _ => false,
    };

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.CurrentCulture, ErrorMessageString, name, MinimumLength);
}
