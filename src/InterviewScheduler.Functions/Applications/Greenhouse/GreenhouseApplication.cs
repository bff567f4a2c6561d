using System.Globalization;
using System.Text.Json;
using InterviewScheduler.Core.Applications;

namespace InterviewScheduler.Functions.Applications.Greenhouse;

/// <summary>
/// Reads the <c>payload.application</c> of a Greenhouse <c>new_candidate_application</c> delivery into the
/// <see cref="ApplicationSubmission"/> the generic route takes: name = first + last name; email = the
/// <c>personal</c> address if there is one, else the first (Greenhouse marks none primary); the first job's id and
/// name as the role; the candidate's recruiter; source <c>greenhouse</c>; external id = Greenhouse's application id,
/// so that a redelivery is the same application. Everything else in the payload is ignored.
/// </summary>
public static class GreenhouseApplication
{
    /// <summary>The source recorded for applications from Greenhouse.</summary>
    public const string Source = "greenhouse";

    private const string Application = "payload.application";
    private const string Candidate = Application + ".candidate";

    public static GreenhouseSubmission Read(JsonElement delivery)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Member(Member(delivery, "payload"), "application") is not { ValueKind: JsonValueKind.Object } application)
        {
            errors[Application] = ["Required: the application object."];
            return new GreenhouseSubmission(null, null, false, true, errors, paths);
        }

        var applicationId = Id(Member(application, "id"));
        if (applicationId is null) errors[Application + ".id"] = ["Required: Greenhouse's application id, a whole number."];
        paths["externalId"] = Application + ".id";

        var candidate = Member(application, "candidate");
        var firstName = Text(Member(candidate, "first_name"));
        var lastName = Text(Member(candidate, "last_name"));
        var name = string.Join(' ', new[] { firstName, lastName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()));
        var lastNameAtFault = lastName is not null && SubmissionValidation.HasRefusedCharacters(lastName) && !(firstName is not null && SubmissionValidation.HasRefusedCharacters(firstName));
        paths["candidate.name"] = Candidate + (lastNameAtFault ? ".last_name" : ".first_name");

        var (email, emailIndex) = ChooseEmail(Member(candidate, "email_addresses"));
        paths["candidate.email"] = emailIndex is { } index ? $"{Candidate}.email_addresses[{index}].value" : Candidate + ".email_addresses";

        const string FirstJob = Application + ".jobs[0]";
        var job = Member(application, "jobs") is { ValueKind: JsonValueKind.Array } jobs && jobs.GetArrayLength() > 0 ? jobs[0] : (JsonElement?)null;
        paths["role.id"] = job is null ? Application + ".jobs" : FirstJob + ".id";
        paths["role.title"] = job is null ? Application + ".jobs" : FirstJob + ".name";

        var recruiterEmail = Text(Member(Member(candidate, "recruiter"), "email"));
        paths["recruiterEmail"] = Candidate + ".recruiter.email";

        var submission = new ApplicationSubmission(
            new CandidateSubmission(name, email, null),
            new RoleSubmission(Id(Member(job, "id")) ?? Text(Member(job, "id")), Text(Member(job, "name"))),
            Source,
            applicationId,
            string.IsNullOrWhiteSpace(recruiterEmail) ? null : recruiterEmail);
        var isProspect = Member(application, "prospect") is { ValueKind: JsonValueKind.True };
        var canEmail = Member(candidate, "can_email") is not { ValueKind: JsonValueKind.False };
        return new GreenhouseSubmission(errors.Count == 0 ? submission : null, applicationId, isProspect, canEmail, errors, paths);
    }

    /// <summary>The first <c>personal</c> address, else the first address at all; with its index in the array.</summary>
    private static (string? Email, int? Index) ChooseEmail(JsonElement? addresses)
    {
        if (addresses is not { ValueKind: JsonValueKind.Array } list) return (null, null);
        (string? Email, int? Index) first = (null, null);
        var index = 0;
        foreach (var address in list.EnumerateArray())
        {
            if (Text(Member(address, "value")) is { } value && !string.IsNullOrWhiteSpace(value))
            {
                if (string.Equals(Text(Member(address, "type")), "personal", StringComparison.OrdinalIgnoreCase)) return (value, index);
                if (first.Index is null) first = (value, index);
            }

            index++;
        }

        return first;
    }

    private static JsonElement? Member(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(name, out var member) && member.ValueKind != JsonValueKind.Null ? member : null;

    private static string? Text(JsonElement? element) => element is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;

    /// <summary>A Greenhouse id (a JSON integer, or digits in a string) as invariant text.</summary>
    private static string? Id(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.Number } number when number.TryGetInt64(out var id) => id.ToString(CultureInfo.InvariantCulture),
        { ValueKind: JsonValueKind.String } text when long.TryParse(text.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) => id.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}
