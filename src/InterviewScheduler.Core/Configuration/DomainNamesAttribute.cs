using System.ComponentModel.DataAnnotations;

namespace InterviewScheduler.Core.Configuration;

/// <summary>A setting listing DNS domain names of at least two labels, such as <c>contoso.com</c>; an empty list passes.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class DomainNamesAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        IEnumerable<string> domains => domains.All(IsDomain),
        _ => false,
    };

    private static bool IsDomain(string value) =>
        Uri.CheckHostName(value) == UriHostNameType.Dns && value.Contains('.', StringComparison.Ordinal);
}
