using System.Text.Json;
using InterviewScheduler.Functions.Interviews;
using InterviewScheduler.Functions.Tests.Applications;
using InterviewScheduler.Functions.Tests.Interviews;
using InterviewScheduler.Sandbox.Calendar;
using InterviewScheduler.Sandbox.Seeding;
using InterviewScheduler.Sandbox.Users;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Mvc;
using TimeZoneConverter;

namespace InterviewScheduler.Functions.Tests;

/// <summary>
/// The seeded company's three moments, started on many days in a row: the product's promises must not depend on
/// the day the tests run. Each run seeds the sandbox from its start day and gives the app the same clock.
/// </summary>
public sealed class AnyDayTests
{
    private const string London = "lead.engineer@contoso.com";
    private const string Berlin = "security.engineer@contoso.com";
    private const string NewYork = "product.manager@contoso.com";

    /// <summary>
    /// Fourteen days in a row around each season's clock changes: Europe on 2026-10-25 and America on 2026-11-01
    /// (autumn), America on 2027-03-14 and Europe on 2027-03-28 (spring). Each starts at 08:00 UTC.
    /// </summary>
    public static TheoryData<DateTimeOffset> StartDates()
    {
        var data = new TheoryData<DateTimeOffset>();
        foreach (var first in new[] { new DateTimeOffset(2026, 10, 19, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 15, 8, 0, 0, TimeSpan.Zero) })
        {
            for (var day = 0; day < 14; day++) data.Add(first.AddDays(day));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StartDates))]
    public async Task Acknowledgment_options_booking_and_debrief_hold_on_every_start_day(DateTimeOffset start)
    {
        await using var app = await TestApp.StartAsync(clock: TestClock.StartingAt(start));
        var tenant = app.Sandbox.Tenant;

        // 1. The acknowledgment: one email to the candidate.
        var applicationId = await BookingTests.ApplyAsync(app);
        await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));
        Assert.Single(tenant.SentMail(), m => m.ToRecipients.Any(r => string.Equals(r.Address, "ada@example.org", StringComparison.OrdinalIgnoreCase)));

        // 2. The options: inside everyone's working hours, clear of everything that blocks their calendars.
        var panel = JsonSerializer.Serialize(new { sessions = new[] { new { interviewers = new[] { London, Berlin, NewYork }.Select(e => new { email = e }) } } });
        var optionsResult = await app.Function<InterviewOptionsFunction>().Run(FunctionRequests.Json(panel), applicationId, CancellationToken.None);
        var options = Assert.IsType<OptionsAnswer>(Assert.IsType<OkObjectResult>(optionsResult).Value).Options;
        Assert.NotEmpty(options);
        foreach (var option in options)
        {
            Assert.True(option.Start >= start.AddMinutes(60), $"{option.Start:u} is sooner than the minimum notice after {start:u}");
            foreach (var address in new[] { London, Berlin, NewYork })
            {
                AssertWorkingAndFree(tenant.FindUser(address)!, tenant.EventsOf(address), option.Start, option.End);
            }

            if (option.DebriefIsFree)
            {
                foreach (var address in new[] { London, Berlin, NewYork, SandboxCompany.RecruiterMailbox })
                {
                    Assert.DoesNotContain(tenant.EventsOf(address), e => e.Blocks && e.Start < option.Debrief!.End && option.Debrief.Start < e.End);
                }
            }
        }

        // 3. The booking takes the best option shown, and 4. the debrief starts when it ends if the team is free then.
        var booked = await BookingTests.BookAsync(app, applicationId, panel);
        var answer = Assert.IsType<BookingAnswer>(((ObjectResult)booked).Value);
        var interview = Assert.Single(answer.Interviews);
        Assert.Equal(options[0].Start, interview.Start);
        Assert.NotNull(answer.Debrief);
        if (options[0].DebriefIsFree)
        {
            Assert.Equal(interview.End, answer.Debrief.Start);
            Assert.Empty(answer.Debrief.Conflicts);
        }
        else
        {
            Assert.True(answer.Debrief.Start >= interview.End);
        }
    }

    /// <summary>Checked without the product's code: the person's own zone and hours, and their calendar in the sandbox.</summary>
    private static void AssertWorkingAndFree(SandboxUser person, IEnumerable<SandboxEvent> calendar, DateTimeOffset start, DateTimeOffset end)
    {
        var zone = TZConvert.GetTimeZoneInfo(person.WorkingHours.TimeZone);
        var localStart = TimeZoneInfo.ConvertTime(start, zone);
        var localEnd = TimeZoneInfo.ConvertTime(end, zone);
        Assert.Contains(localStart.DayOfWeek, person.WorkingHours.DaysOfWeek);
        Assert.Equal(localStart.Date, localEnd.Date);
        Assert.True(TimeOnly.FromDateTime(localStart.DateTime) >= person.WorkingHours.Start, $"{person.Address} starts at {localStart:f} local");
        Assert.True(TimeOnly.FromDateTime(localEnd.DateTime) <= person.WorkingHours.End, $"{person.Address} ends at {localEnd:f} local");
        var clash = calendar.FirstOrDefault(e => e.Blocks && e.Start < end && start < e.End);
        Assert.True(clash is null, $"{person.Address} has '{clash?.Subject}' at {clash?.Start:u}");
    }
}
