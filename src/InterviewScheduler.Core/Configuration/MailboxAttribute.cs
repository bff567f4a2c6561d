using System.ComponentModel.DataAnnotations;

namespace InterviewScheduler.Core.Configuration;

/// <summary>
/// A setting that holds a mailbox address, or on a list, mailbox addresses: something before the first <c>@</c> and
/// something after it. Deliberately loose: the tenant decides which mailboxes exist; this catches a value left out or
/// put in the wrong setting. An unset or blank string passes (add <see cref="RequiredAttribute"/> where one is
/// required); a blank item of a list does not.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class MailboxAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string mailbox => string.IsNullOrWhiteSpace(mailbox) || IsMailbox(mailbox),
        IEnumerable<string> mailboxes => mailboxes.All(IsMailbox),
        _ => false,
    };

    private static bool IsMailbox(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < value.Length - 1;
}
