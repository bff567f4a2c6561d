namespace InterviewScheduler.Sandbox.Calendar;

/// <summary>
/// One mailbox's calendar: its events by id. Every store and removal is reported to the tenant, which turns it
/// into a change sequence number (for calendarView delta) and change notifications. Not thread-safe on its own:
/// the tenant touches it only under its mailbox lock.
/// </summary>
internal sealed class MailboxCalendar(string mailbox, Action<string, SandboxEvent?, SandboxEvent?> changed)
{
    private readonly Dictionary<string, SandboxEvent> _events = new(StringComparer.Ordinal);

    /// <summary>The address of the mailbox this calendar belongs to.</summary>
    public string Mailbox { get; } = mailbox;

    public IEnumerable<SandboxEvent> Values => _events.Values;

    public bool TryGetValue(string eventId, out SandboxEvent item) => _events.TryGetValue(eventId, out item!);

    /// <summary>Stores a new or changed event and reports it (before: null for a new one).</summary>
    public SandboxEvent this[string eventId]
    {
        get => _events[eventId];
        set
        {
            _events.TryGetValue(eventId, out var before);
            _events[eventId] = value;
            changed(Mailbox, before, value);
        }
    }

    /// <summary>Removes an event and reports it as deleted; false when there is none with that id.</summary>
    public bool Remove(string eventId)
    {
        if (!_events.Remove(eventId, out var before)) return false;
        changed(Mailbox, before, null);
        return true;
    }
}
