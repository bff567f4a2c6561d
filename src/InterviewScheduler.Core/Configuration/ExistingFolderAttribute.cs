using System.ComponentModel.DataAnnotations;

namespace InterviewScheduler.Core.Configuration;

/// <summary>
/// A setting naming a folder that must exist when the host starts (templates replacing the built-in ones). Unset or
/// blank passes: the built-in templates are used.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ExistingFolderAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string folder => string.IsNullOrWhiteSpace(folder) || Directory.Exists(folder),
        _ => false,
    };
}
