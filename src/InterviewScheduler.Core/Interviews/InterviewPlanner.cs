using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Availability;
using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Core.TimeZones;

namespace InterviewScheduler.Core.Interviews;

/// <summary>
/// Finds panel and loop options for an application: free/busy for everyone in one read (the interviewers and
/// the debrief's recruiter), then the availability engine. Books nothing.
/// </summary>
/// <remarks>
/// The options rank a time whose following debrief is free for the whole team first, with the same team and
/// length the debrief is booked with, so that the booked debrief starts right after the last interview
/// whenever any option allows it.
/// </remarks>
public sealed class InterviewPlanner(IFreeBusyDirectory directory, SchedulingOptions options, DebriefOptions debrief, TimeProvider time)
{
    /// <summary>Reads everyone's schedule over <paramref name="window"/> and ranks the options.</summary>
    public async Task<PlanResult> FindOptionsAsync(JobApplication application, PanelRequest request, TimeRange window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var schedules = await ReadAsync(application, request, window, cancellationToken);
        if (Unknown(request, schedules) is { Count: > 0 } unknown)
        {
            return new PlanResult([], unknown);
        }

        var availability = ToAvailabilityRequest(application, request, schedules, window);
        var zones = schedules.Values.Where(s => s.WorkingHours is not null).ToDictionary(s => s.Email, s => IanaId(s.WorkingHours!.Zone), StringComparer.OrdinalIgnoreCase);
        return new PlanResult(AvailabilityEngine.FindOptions(availability, time), new Dictionary<string, string[]>()) { TimeZones = zones };
    }

    /// <summary>Reads the schedules of everyone in the request and of the debrief's guests over <paramref name="window"/>, in one read.</summary>
    public Task<IReadOnlyDictionary<string, PersonSchedule>> ReadAsync(JobApplication application, PanelRequest request, TimeRange window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var addresses = request.Addresses;
        var guests = DebriefGuests(application).Where(g => !addresses.Contains(g, StringComparer.OrdinalIgnoreCase));
        return directory.GetSchedulesAsync(options.OrganizerMailbox, [.. addresses, .. guests], window, cancellationToken);
    }

    /// <summary>Who joins the debrief besides the interviewers: the application's recruiter, else the configured one.</summary>
    public IReadOnlyList<string> DebriefGuests(JobApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return (application.RecruiterEmail ?? debrief.RecruiterMailbox) is { Length: > 0 } recruiter ? [recruiter] : [];
    }

    /// <summary>Field paths of the interviewers Graph does not know, with why.</summary>
    public static IReadOnlyDictionary<string, string[]> Unknown(PanelRequest request, IReadOnlyDictionary<string, PersonSchedule> schedules)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(schedules);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < request.Sessions.Count; i++)
        {
            for (var j = 0; j < request.Sessions[i].Interviewers.Count; j++)
            {
                var email = request.Sessions[i].Interviewers[j].Email;
                if (!schedules.TryGetValue(email, out var schedule) || schedule.Error is not null)
                {
                    errors[$"sessions[{i}].interviewers[{j}].email"] = ["Not a person the organizer's tenant knows: " + (schedule?.Error ?? "no schedule returned.")];
                }
            }
        }

        return errors;
    }

    /// <summary>The engine's request for this panel request and these schedules.</summary>
    public AvailabilityRequest ToAvailabilityRequest(JobApplication application, PanelRequest request, IReadOnlyDictionary<string, PersonSchedule> schedules, TimeRange window)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(schedules);
        var candidateZone = application.Candidate.TimeZone is { } zone && TimeZoneResolver.TryResolve(zone, out var resolved) ? resolved : null;
        var candidate = request.CandidateAvailability.Count > 0 ? CandidateAvailability.Within(request.CandidateAvailability)
            : candidateZone is not null ? CandidateAvailability.InZone(candidateZone)
            : CandidateAvailability.Anytime;

        return new AvailabilityRequest
        {
            Window = window,
            Sessions =
            [
                .. request.Sessions.Select(s => new PanelSession
                {
                    Title = s.Title,
                    Duration = s.Duration,
                    MinimumOptional = s.MinimumOptional,
                    Interviewers = [.. s.Interviewers.Select(i => Person(schedules[i.Email], i.Optional))],
                }),
            ],
            Candidate = candidate,
            DebriefDuration = TimeSpan.FromMinutes(debrief.DurationMinutes),
            // A guest the directory could not read (unknown, or no schedule) cannot be checked and is left out.
            DebriefGuests =
            [
                .. DebriefGuests(application)
                    .Where(g => !request.Addresses.Contains(g, StringComparer.OrdinalIgnoreCase))
                    .Select(g => schedules.TryGetValue(g, out var schedule) && schedule.Error is null ? Person(schedule, optional: false) : null)
                    .OfType<Interviewer>(),
            ],
            MinimumNotice = TimeSpan.FromMinutes(options.MinimumNoticeMinutes),
            MaxOptions = request.MaxOptions,
        };
    }

    private static Interviewer Person(PersonSchedule schedule, bool optional) =>
        new(schedule.Email, schedule.Busy, schedule.WorkingHours, optional);

    private static string IanaId(TimeZoneInfo zone) =>
        zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
}
