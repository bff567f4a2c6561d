using InterviewScheduler.Sandbox;
using InterviewScheduler.Sandbox.Calendar;
using InterviewScheduler.Sandbox.Seeding;

namespace InterviewScheduler.LoadTests.Flow;

/// <summary>
/// The organizer mailbox's live events at one moment, read from the sandbox itself (the truth the app must follow):
/// interviews by id, candidates' invites by attendee, debriefs by subject, booking plans by their tag property.
/// </summary>
internal sealed class OrganizerCalendar
{
    private readonly Dictionary<string, SandboxEvent> _byId;

    private OrganizerCalendar(IReadOnlyList<SandboxEvent> live)
    {
        Live = live;
        _byId = live.ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<SandboxEvent> Live { get; }

    public static OrganizerCalendar Read(SandboxTenant tenant) =>
        new([.. tenant.EventsOf(SandboxCompany.OrganizerMailbox).Where(e => e.IsOrganizer && !e.IsCancelled)]);

    public SandboxEvent? Find(string eventId) => _byId.GetValueOrDefault(eventId);

    /// <summary>The booking plan an event was made for (its tag property), or null for an untagged event.</summary>
    public static string? Tag(SandboxEvent item) =>
        item.SingleValueExtendedProperties.FirstOrDefault(p => p.Id.Contains(FlowSandbox.TagPropertyName, StringComparison.OrdinalIgnoreCase))?.Value;

    public IReadOnlyList<SandboxEvent> InvitesOf(string candidateEmail) =>
        [.. Live.Where(e => e.Attendees.Any(a => a.Address.Equals(candidateEmail, StringComparison.OrdinalIgnoreCase)))];

    public IReadOnlyList<SandboxEvent> DebriefsOf(string candidateName) =>
        [.. Live.Where(e => e.Subject.StartsWith($"Debrief: {candidateName} ", StringComparison.Ordinal))];
}
