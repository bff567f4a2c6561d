using InterviewScheduler.Core.Applications;

namespace InterviewScheduler.Functions.Applications.Greenhouse;

/// <summary>
/// A Greenhouse application read into intake's terms by <see cref="GreenhouseApplication.Read"/>, with what is
/// needed to report a problem in the delivery's own field paths.
/// </summary>
/// <param name="Submission">The application as the generic route would receive it; null when <see cref="Errors"/> says why.</param>
/// <param name="GreenhouseApplicationId">Greenhouse's application id, when the delivery has one (safe to log).</param>
/// <param name="IsProspect">A prospect, whom a recruiter sourced: not an application to acknowledge.</param>
/// <param name="CanEmail">Greenhouse's <c>candidate.can_email</c> (true when absent).</param>
/// <param name="Errors">Problems found before validation, keyed by payload path.</param>
/// <param name="PayloadPaths">Where each field of <see cref="Submission"/> came from in the payload, by intake field path.</param>
public sealed record GreenhouseSubmission(
    ApplicationSubmission? Submission,
    string? GreenhouseApplicationId,
    bool IsProspect,
    bool CanEmail,
    IReadOnlyDictionary<string, string[]> Errors,
    IReadOnlyDictionary<string, string> PayloadPaths)
{
    /// <summary>Intake's validation errors (keyed <c>candidate.email</c>, ...) keyed by the payload paths they came from.</summary>
    public IReadOnlyDictionary<string, string[]> InPayloadTerms(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var translated = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, messages) in errors)
        {
            var path = PayloadPaths.GetValueOrDefault(field, field);
            translated[path] = translated.TryGetValue(path, out var earlier) ? [.. earlier, .. messages] : messages;
        }

        return translated;
    }
}
