using InterviewScheduler.Sandbox.Calendar;
using InterviewScheduler.Sandbox.Users;
using InterviewScheduler.Sandbox.Wire;

namespace InterviewScheduler.Sandbox.Seeding;

/// <summary>
/// Four weeks of ordinary company life from a first day: daily standups per site, weekly 1:1s, focus blocks,
/// an architecture review some people only tentatively accept, free lunches, a hiring sync, an out-of-office
/// day and a day working elsewhere. Every choice comes from the given <see cref="Random"/>, in a fixed order.
/// </summary>
internal sealed class SeededMeetings(SandboxTenant tenant, Random random, DateOnly firstDay)
{
    private const int Days = 28;

    private static string At(string name) => $"{name}@{SandboxCompany.Domain}";

    public void Add()
    {
        Standups("Platform standup", At("lead.engineer"), [At("staff.engineer"), At("solutions.architect"), At("product.designer"), At("security.engineer")], new TimeOnly(9, 45));
        Standups("Product squad standup", At("product.manager"), [At("backend.engineer"), At("frontend.engineer"), At("site.reliability.engineer")], new TimeOnly(10, 0));
        Standups("Bengaluru standup", At("engineering.manager"), [At("data.scientist"), At("qa.engineer")], new TimeOnly(11, 15));

        foreach (var report in new[] { "lead.engineer", "backend.engineer", "data.scientist", "qa.engineer", "site.reliability.engineer" })
        {
            OneToOnes(At("engineering.manager"), At(report));
        }

        OneToOnes(At("product.manager"), At("product.designer"));
        foreach (var person in SandboxCompany.Interviewers) FocusBlocks(person);

        ArchitectureReviews();
        Lunches();
        HiringSyncs();
        AwayDays();
    }

    private void Standups(string subject, string organizer, string[] team, TimeOnly localStart)
    {
        var owner = User(organizer);
        foreach (var day in WorkingDays(owner))
        {
            Create(organizer, subject, day, localStart, TimeSpan.FromMinutes(15), owner.TimeZone, team, FreeBusyStatus.Busy, online: true);
        }
    }

    private void OneToOnes(string manager, string report)
    {
        var person = User(report);
        for (var week = 0; week < Days / 7; week++)
        {
            var days = WorkingDays(person).Where(d => d.DayNumber - firstDay.DayNumber is var offset && offset / 7 == week).ToList();
            if (days.Count == 0) continue;
            var day = days[random.Next(days.Count)];
            var start = RandomStart(person.WorkingHours, TimeSpan.FromMinutes(30));
            Create(manager, $"1:1 {User(manager).DisplayName.Split(' ')[0]} / {person.DisplayName.Split(' ')[0]}", day, start, TimeSpan.FromMinutes(30), person.WorkingHours.TimeZone, [report], FreeBusyStatus.Busy, online: true);
        }
    }

    private void FocusBlocks(SandboxUser person)
    {
        var days = WorkingDays(person).ToList();
        for (var i = 0; i < 8; i++)
        {
            var day = days[random.Next(days.Count)];
            var start = RandomStart(person.WorkingHours, TimeSpan.FromHours(2));
            Create(person.Address, "Focus time", day, start, TimeSpan.FromHours(2), person.WorkingHours.TimeZone, [], FreeBusyStatus.Busy, online: false);
        }
    }

    private void ArchitectureReviews()
    {
        var organizer = User(At("solutions.architect"));
        string[] invited = [At("lead.engineer"), At("staff.engineer"), At("security.engineer"), At("backend.engineer"), At("frontend.engineer"), At("site.reliability.engineer")];
        foreach (var day in WorkingDays(organizer).Where(d => d.DayOfWeek == DayOfWeek.Thursday))
        {
            var item = Create(organizer.Address, "Architecture review", day, new TimeOnly(15, 0), TimeSpan.FromHours(1), organizer.WorkingHours.TimeZone, invited, FreeBusyStatus.Busy, online: true);
            foreach (var attendee in invited)
            {
                // Most accept; some only tentatively (tentative in free/busy); a few never answer.
                var roll = random.NextDouble();
                var response = roll < 0.55 ? AttendeeResponse.Accepted : roll < 0.85 ? AttendeeResponse.TentativelyAccepted : null;
                if (response is not null) tenant.RespondToEvent(attendee, item.ICalUId, response);
            }
        }
    }

    private void Lunches()
    {
        foreach (var name in new[] { "lead.engineer", "solutions.architect", "product.manager" })
        {
            var person = User(At(name));
            foreach (var day in WorkingDays(person))
            {
                Create(person.Address, "Lunch", day, new TimeOnly(12, 30), TimeSpan.FromMinutes(45), person.WorkingHours.TimeZone, [], FreeBusyStatus.Free, online: false);
            }
        }
    }

    private void HiringSyncs()
    {
        var recruiter = User(SandboxCompany.RecruiterMailbox);
        foreach (var day in WorkingDays(recruiter).Where(d => d.DayOfWeek == DayOfWeek.Tuesday))
        {
            Create(recruiter.Address, "Hiring sync", day, new TimeOnly(14, 0), TimeSpan.FromMinutes(30), recruiter.WorkingHours.TimeZone,
                [At("engineering.manager"), At("lead.engineer"), At("product.manager")], FreeBusyStatus.Busy, online: true);
        }
    }

    private void AwayDays()
    {
        var interviewers = SandboxCompany.Interviewers;
        var awayIndex = random.Next(interviewers.Count);
        var away = interviewers[awayIndex];
        var awayDays = WorkingDays(away).Where(d => d.DayNumber - firstDay.DayNumber >= 7).ToList();
        AllDay(away, "Out of office", awayDays[random.Next(awayDays.Count)], FreeBusyStatus.Oof);

        var elsewhere = interviewers[(awayIndex + 1 + random.Next(interviewers.Count - 1)) % interviewers.Count];
        var elsewhereDays = WorkingDays(elsewhere).ToList();
        AllDay(elsewhere, "At the customer site", elsewhereDays[random.Next(elsewhereDays.Count)], FreeBusyStatus.WorkingElsewhere);
    }

    private void AllDay(SandboxUser person, string subject, DateOnly day, string showAs) =>
        Create(person.Address, subject, day, TimeOnly.MinValue, TimeSpan.FromDays(1), person.TimeZone, [], showAs, online: false, allDay: true);

    private SandboxEvent Create(string organizer, string subject, DateOnly day, TimeOnly localStart, TimeSpan length, string zoneName, string[] attendees, string showAs, bool online, bool allDay = false)
    {
        var zone = Zones.FindOrUtc(zoneName);
        var start = Zones.ToUtc(day.ToDateTime(localStart), zone);
        var end = Zones.ToUtc(day.ToDateTime(localStart).Add(length), zone);
        return tenant.CreateEvent(organizer, new EventDraft
        {
            Subject = subject,
            BodyContentType = "text",
            BodyContent = string.Empty,
            Start = start,
            End = end,
            StartTimeZone = zoneName,
            EndTimeZone = zoneName,
            IsAllDay = allDay,
            Attendees = [.. attendees.Select(a => new InvitedAttendee(a, User(a).DisplayName))],
            ShowAs = showAs,
            IsOnlineMeeting = online,
        }).Event;
    }

    /// <summary>A start on the half hour that leaves <paramref name="length"/> inside the working day.</summary>
    private TimeOnly RandomStart(WorkingHours hours, TimeSpan length)
    {
        var slots = (int)((hours.End - hours.Start - length).TotalMinutes / 30);
        return hours.Start.Add(TimeSpan.FromMinutes(30 * random.Next(Math.Max(slots, 0) + 1)));
    }

    private IEnumerable<DateOnly> WorkingDays(SandboxUser person) =>
        Enumerable.Range(0, Days).Select(firstDay.AddDays).Where(d => person.WorkingHours.DaysOfWeek.Contains(d.DayOfWeek));

    private SandboxUser User(string address) => tenant.FindUser(address) ?? throw new InvalidOperationException($"Seeded person '{address}' is missing.");
}
