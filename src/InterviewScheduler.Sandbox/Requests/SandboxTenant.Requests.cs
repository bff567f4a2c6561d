using InterviewScheduler.Sandbox.Requests;

namespace InterviewScheduler.Sandbox;

public sealed partial class SandboxTenant
{
    private readonly Lock _logGate = new();
    private readonly List<RequestLogEntry> _requestLog = [];

    /// <summary>The Graph requests answered so far, oldest first.</summary>
    public IReadOnlyList<RequestLogEntry> RequestLog
    {
        get
        {
            lock (_logGate)
            {
                return [.. _requestLog];
            }
        }
    }

    /// <summary>Forgets the logged requests.</summary>
    public void ClearRequestLog()
    {
        lock (_logGate)
        {
            _requestLog.Clear();
        }
    }

    internal void LogRequest(RequestLogEntry entry)
    {
        lock (_logGate)
        {
            _requestLog.Add(entry);
        }
    }
}
