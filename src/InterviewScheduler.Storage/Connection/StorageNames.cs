namespace InterviewScheduler.Storage.Connection;

/// <summary>
/// The tables and queues the service uses. <see cref="Prefix"/> (configuration <c>Storage:NamePrefix</c>,
/// lowercase letters and digits) keeps tests sharing one account apart; production uses none, and queue
/// triggers listen on the unprefixed names.
/// </summary>
public sealed record StorageNames(string Prefix = "")
{
    /// <summary>The queue the acknowledgment function listens on.</summary>
    public const string AcknowledgmentsQueueName = "acknowledgments";

    public string ApplicationsTable => Prefix + "applications";

    public string ApplicationKeysTable => Prefix + "applicationkeys";

    public string SendPacingTable => Prefix + "sendpacing";

    /// <summary>Acknowledgments given per recipient and UTC day.</summary>
    public string RecipientAllowanceTable => Prefix + "recipientallowance";

    public string AcknowledgmentsQueue => Prefix + AcknowledgmentsQueueName;

    /// <summary>The queue the calendar-change function listens on.</summary>
    public const string CalendarChangesQueueName = "calendar-changes";

    public string CalendarChangesQueue => Prefix + CalendarChangesQueueName;

    public string EventIndexTable => Prefix + "eventindex";

    public string CalendarWatchTable => Prefix + "calendarwatch";
}
