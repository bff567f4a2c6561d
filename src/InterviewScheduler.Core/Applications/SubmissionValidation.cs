using System.Buffers;
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

    /// <summary>
    /// C0 and C1 controls (with DEL) and the invisible bidirectional marks and overrides (U+061C, U+200E, U+200F,
    /// U+202A-U+202E, U+2066-U+2069). No name, title or id needs them, and they can make a name read differently in a
    /// recruiter's inbox than it is stored, or break a line of a log or a mail header.
    /// </summary>
    private static readonly SearchValues<char> RefusedCharacters = SearchValues.Create(
        [.. Enumerable.Range(0x00, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Concat([0x061C, 0x200E, 0x200F]).Concat(Enumerable.Range(0x202A, 5)).Concat(Enumerable.Range(0x2066, 4)).Select(c => (char)c)]);

    /// <summary>The message a field with <see cref="HasRefusedCharacters"/> gets.</summary>
    public const string RefusedCharactersMessage = "Control characters and bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) are not allowed.";

    /// <summary>Whether <paramref name="value"/> holds a control or bidirectional formatting character, which intake refuses in every field.</summary>
    public static bool HasRefusedCharacters(string value) => value is not null && value.AsSpan().ContainsAny(RefusedCharacters);

    /// <summary>
    /// A validated submission under the service's <paramref name="limits"/>: as <see cref="Validate(ApplicationSubmission?)"/>,
    /// and <c>recruiterEmail</c> only in <see cref="IntakeLimits.RecruiterDomainList"/>.
    /// </summary>
    public static ValidatedSubmission Validate(ApplicationSubmission? submission, IntakeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var validated = Validate(submission);
        var recruiter = validated.IsValid ? validated.RecruiterEmail : submission?.RecruiterEmail?.Trim();
        if (recruiter is null || validated.Errors.ContainsKey("recruiterEmail") || limits.IsRecruiterDomain(recruiter))
        {
            return validated;
        }

        var errors = new Dictionary<string, string[]>(validated.Errors, StringComparer.Ordinal)
        {
            ["recruiterEmail"] = [$"Only addresses in {string.Join(", ", limits.RecruiterDomainList)} can be the recruiter."],
        };
        return new ValidatedSubmission(null, null, validated.Source, validated.ExternalId, errors);
    }

    /// <summary>A validated submission, with its time zone as an IANA id; or the errors found. Any recruiter domain passes.</summary>
    public static ValidatedSubmission Validate(ApplicationSubmission? submission)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (submission is null)
        {
            errors["body"] = ["A JSON object with candidate and role is required."];
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

        if (HasRefusedCharacters(trimmed))
        {
            errors[path] = [RefusedCharactersMessage];
            return null;
        }

        return trimmed;
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
