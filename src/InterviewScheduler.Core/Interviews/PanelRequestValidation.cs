using System.Globalization;
using System.Net.Mail;
using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Availability;

namespace InterviewScheduler.Core.Interviews;

/// <summary>
/// Checks a panel submission field by field (errors keyed by JSON path, e.g. <c>sessions[0].durationMinutes</c>)
/// and fills the defaults: 45-minute sessions, the next 10 working days, 5 options.
/// </summary>
public static class PanelRequestValidation
{
    public const int MaxSessions = 8;
    public const int MaxInterviewersPerSession = 100;

    /// <summary>
    /// The debrief invites every interviewer of the loop and the recruiter, and Exchange refuses a meeting with more
    /// than 500 attendees (microsoft-graph-docs issue 5395), so a loop has at most this many different interviewers.
    /// </summary>
    public const int MaxInterviewersPerLoop = 499;
    public const int MinDurationMinutes = 15;
    public const int MaxDurationMinutes = 240;
    public const int DefaultDurationMinutes = 45;
    public const int MaxWindowDays = 60;

    /// <summary>How far ahead a window may end, in days: interviews are not planned further out, and dates stay far from <see cref="DateTimeOffset.MaxValue"/>.</summary>
    public const int MaxDaysAhead = 366;
    public const int DefaultWindowWorkingDays = 10;
    public const int DefaultMaxOptions = 5;
    public const int MaxOptionsLimit = 20;

    public static (PanelRequest? Request, IReadOnlyDictionary<string, string[]> Errors) Validate(PanelSubmission? submission, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (submission is null)
        {
            errors["body"] = ["A JSON object with sessions is required."];
            return (null, errors);
        }

        var sessions = new List<SessionRequest>();
        if (submission.Sessions is not { Count: > 0 } given)
        {
            errors["sessions"] = ["At least one session is required."];
        }
        else if (given.Count > MaxSessions)
        {
            errors["sessions"] = [$"At most {MaxSessions} sessions."];
        }
        else
        {
            for (var i = 0; i < given.Count; i++)
            {
                if (Session(given[i], $"sessions[{i}]", i, given.Count, errors) is { } session) sessions.Add(session);
            }

            var people = sessions.SelectMany(s => s.Interviewers).Select(i => i.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count();
            if (people > MaxInterviewersPerLoop)
            {
                errors["sessions"] = [$"At most {MaxInterviewersPerLoop} different interviewers across the sessions (this loop has {people}): the debrief invites them all and the recruiter, and a meeting holds at most 500 attendees."];
            }
        }

        var window = Window(submission.Window, now, errors);
        var candidate = new List<TimeRange>();
        for (var i = 0; i < (submission.CandidateAvailability?.Count ?? 0); i++)
        {
            var path = $"candidateAvailability[{i}]";
            if (submission.CandidateAvailability![i] is { Start: { } start, End: { } end } && start < end)
            {
                candidate.Add(new TimeRange(start, end));
            }
            else
            {
                errors[path] = ["Needs a start before its end."];
            }
        }

        var maxOptions = submission.MaxOptions ?? DefaultMaxOptions;
        if (maxOptions is < 1 or > MaxOptionsLimit) errors["maxOptions"] = [$"Between 1 and {MaxOptionsLimit}."];

        if (submission.Start is { } chosen && window is { } w && (chosen < w.Start || chosen >= w.End))
        {
            errors["start"] = ["Must lie inside the window."];
        }

        return errors.Count > 0 || window is null
            ? (null, errors)
            : (new PanelRequest(sessions, window.Value, candidate, maxOptions, submission.Start?.ToUniversalTime()), errors);
    }

    /// <summary>From now to the end of the tenth weekday after today (UTC).</summary>
    public static TimeRange DefaultWindow(DateTimeOffset now)
    {
        var day = now.UtcDateTime.Date;
        for (var added = 0; added < DefaultWindowWorkingDays;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) added++;
        }

        return new TimeRange(now, new DateTimeOffset(day.AddDays(1), TimeSpan.Zero));
    }

    private static SessionRequest? Session(SessionSubmission? session, string path, int index, int count, Dictionary<string, string[]> errors)
    {
        if (session is null)
        {
            errors[path] = ["Required."];
            return null;
        }

        var before = errors.Count;
        var duration = session.DurationMinutes ?? DefaultDurationMinutes;
        if (duration is < MinDurationMinutes or > MaxDurationMinutes)
        {
            errors[$"{path}.durationMinutes"] = [$"Between {MinDurationMinutes} and {MaxDurationMinutes} minutes."];
        }

        var title = string.IsNullOrWhiteSpace(session.Title) ? (count == 1 ? "Interview" : $"Session {index + 1}") : session.Title.Trim();
        if (title.Length > 200) errors[$"{path}.title"] = ["At most 200 characters."];
        // The title is the invitation's subject for interviewers and candidate: the characters intake refuses are refused here too.
        else if (SubmissionValidation.HasRefusedCharacters(title)) errors[$"{path}.title"] = [SubmissionValidation.RefusedCharactersMessage];

        var interviewers = new List<InterviewerRequest>();
        if (session.Interviewers is not { Count: > 0 } people)
        {
            errors[$"{path}.interviewers"] = ["At least one interviewer is required."];
        }
        else if (people.Count > MaxInterviewersPerSession)
        {
            errors[$"{path}.interviewers"] = [$"At most {MaxInterviewersPerSession} interviewers in a session."];
        }
        else
        {
            for (var j = 0; j < people.Count; j++)
            {
                var email = people[j]?.Email?.Trim();
                if (email is null || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || SubmissionValidation.HasRefusedCharacters(email))
                {
                    errors[$"{path}.interviewers[{j}].email"] = ["A valid email address is required."];
                    continue;
                }

                if (interviewers.Any(i => string.Equals(i.Email, email, StringComparison.OrdinalIgnoreCase)))
                {
                    errors[$"{path}.interviewers[{j}].email"] = ["Listed twice in this session."];
                    continue;
                }

                interviewers.Add(new InterviewerRequest(email, people[j]!.Optional ?? false));
            }
        }

        var minimumOptional = session.MinimumOptional ?? 0;
        var optional = interviewers.Count(i => i.Optional);
        if (minimumOptional < 0 || minimumOptional > optional)
        {
            errors[$"{path}.minimumOptional"] = [string.Create(CultureInfo.InvariantCulture, $"Between 0 and the number of optional interviewers ({optional}).")];
        }

        return errors.Count > before ? null : new SessionRequest(title, TimeSpan.FromMinutes(duration), minimumOptional, interviewers);
    }

    private static TimeRange? Window(WindowSubmission? window, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        if (window is null) return DefaultWindow(now);
        if (window.Start is not { } start || window.End is not { } end)
        {
            errors["window"] = ["Needs both start and end."];
            return null;
        }

        if (end <= start)
        {
            errors["window.end"] = ["Must be after the start."];
            return null;
        }

        if (end <= now)
        {
            errors["window.end"] = ["The window is in the past."];
            return null;
        }

        if (end - start > TimeSpan.FromDays(MaxWindowDays))
        {
            errors["window"] = [$"At most {MaxWindowDays} days."];
            return null;
        }

        if (end > now.AddDays(MaxDaysAhead))
        {
            errors["window.end"] = [$"At most {MaxDaysAhead} days from now."];
            return null;
        }

        // A window that began earlier is searched from now on.
        return new TimeRange(start < now ? now : start, end);
    }
}
