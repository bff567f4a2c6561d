namespace InterviewScheduler.Sandbox;

public sealed partial class SandboxTenant
{
    // Event id -> the tenant-wide sequence number of its last change (create, update, cancel, response, delete).
    // Ids are unique across the tenant, so one map serves every calendar.
    private readonly Dictionary<string, long> _changeSequences = new(StringComparer.Ordinal);
    private long _lastChangeSequence;

    /// <summary>The sequence number of the latest change to any calendar; 0 before the first.</summary>
    public long LastChangeSequence
    {
        get
        {
            lock (_gate)
            {
                return _lastChangeSequence;
            }
        }
    }

    /// <summary>The sequence number of the last change to this event (also after it was deleted), or null when it never existed.</summary>
    public long? ChangeSequenceOf(string eventId)
    {
        lock (_gate)
        {
            return _changeSequences.TryGetValue(eventId, out var sequence) ? sequence : null;
        }
    }

    private void RecordChangeSequenceLocked(string eventId) => _changeSequences[eventId] = ++_lastChangeSequence;
}
