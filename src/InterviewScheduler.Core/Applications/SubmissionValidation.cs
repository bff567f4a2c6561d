using System.Net.Mail;
using InterviewScheduler.Core.TimeZones;

namespace InterviewScheduler.Core.Applications;

/// <summary>
/// Checks a submission field by field. Errors are keyed by the JSON path of the field
/// (<c>candidate.email</c>, <c>role.title</c>, ...) so a caller can show each next to its field.
/// </summary>
public static class SubmissionValidation
{
    /// <summary>Longest accepted name, title, id, source or external id, in characters.</summary>
    public const int MaxFieldLength = 200;

    /// <summary>The source recorded when none is given.</summary>
    public const string DefaultSource = "direct";

    /// <summary>A validated submission, with its time zone as an IANA id; or the errors found.</summary>
    public static ValidatedSubmission Validate(ApplicationSubmission? submission)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (submission is null)
        {
            errors[""] = ["A JSON object with candidate and role is required."];
            return new ValidatedSubmission(null, null, DefaultSource, null, errors);
        }

        var name = Required(submission.Candidate?.Name, "candidate.name", errors);
        var email = Required(submission.Candidate?.Email, "candidate.email", errors);
        if (email is not null && !IsEmailAddress(email))
        {
            errors["candidate.email"] = ["Not a valid email address."];
        }

        string? zone = null;
        if (Optional(submission.Candidate?.TimeZone, "candidate.timeZone", errors) is { } given)
        {
            zone = TimeZoneResolver.IanaIdOf(given);
            if (zone is null) errors["candidate.timeZone"] = [$"Unknown time zone '{Truncate(given)}': use an IANA id such as Europe/London or a Windows id."];
        }

        var roleId = Required(submission.Role?.Id, "role.id", errors);
        var roleTitle = Required(submission.Role?.Title, "role.title", errors);
        var source = Optional(submission.Source, "source", errors) ?? DefaultSource;
        var externalId = Optional(submission.ExternalId, "externalId", errors);
        var recruiter = Optional(submission.RecruiterEmail, "recruiterEmail", errors);
        if (recruiter is not null && !IsEmailAddress(recruiter))
        {
            errors["recruiterEmail"] = ["Not a valid email address."];
        }

        if (errors.Count > 0)
        {
            return new ValidatedSubmission(null, null, source, externalId, errors);
        }

        return new ValidatedSubmission(new Candidate(name!, email!, zone), new JobRole(roleId!, roleTitle!), source, externalId, errors) { RecruiterEmail = recruiter };
    }

    private static bool IsEmailAddress(string value) =>
        MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && value.IndexOf('.', value.IndexOf('@', StringComparison.Ordinal)) > 0;

    private static string? Required(string? value, string path, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[path] = ["Required."];
            return null;
        }

        return Optional(value, path, errors);
    }

    private static string? Optional(string? value, string path, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        if (trimmed.Length > MaxFieldLength)
        {
            errors[path] = [$"At most {MaxFieldLength} characters."];
            return null;
        }

        return trimmed;
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

/// <summary>The outcome of <see cref="SubmissionValidation.Validate"/>: valid when <see cref="Errors"/> is empty.</summary>
public sealed record ValidatedSubmission(Candidate? Candidate, JobRole? Role, string Source, string? ExternalId, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The recruiter given for this application, if any.</summary>
    public string? RecruiterEmail { get; init; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>
    /// What makes two submissions the same application: the source and its external id, or, without an
    /// external id, the normalised email and the role id.
    /// </summary>
    public string DeduplicationKey => ExternalId is not null
        ? $"source:{Source.ToUpperInvariant()}:{ExternalId}"
        : $"email:{Candidate!.Email.Trim().ToUpperInvariant()}:{Role!.Id.ToUpperInvariant()}";
}
