using System.ComponentModel.DataAnnotations;

namespace InterviewScheduler.Core.Configuration;

/// <summary>
/// A setting holding an absolute https URL, a <see cref="Uri"/> or its text. Plain http (any scheme) is accepted
/// only for a loopback address: the sandbox tenant and local hosts. Unset or blank passes (add
/// <see cref="RequiredAttribute"/> where one is required).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class HttpsUrlAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string text => string.IsNullOrWhiteSpace(text) || (Uri.TryCreate(text, UriKind.Absolute, out var url) && IsHttpsOrLoopback(url)),
        Uri url => url.IsAbsoluteUri && IsHttpsOrLoopback(url),
        _ => false,
    };

    private static bool IsHttpsOrLoopback(Uri url) => url.Scheme == Uri.UriSchemeHttps || url.IsLoopback;
}
