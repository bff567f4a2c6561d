using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewScheduler.Sandbox.Calendar;
using InterviewScheduler.Sandbox.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InterviewScheduler.Browser.Tests;

/// <summary>
/// A candidate in the browser: the recruiter offers "pick a time", the candidate opens the link from the email the
/// sandbox tenant sent (no sign-in), sees the times in a zone they choose and books one; a changed, an expired and
/// a used link each get their own clear page and book nothing. Each state of the page is checked with axe and kept
/// as a screenshot.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CandidateSelfSchedulingTests(BrowserWorld world, ITestOutputHelper output) : IDisposable
{
    private const string LeadEngineer = "lead.engineer@contoso.com";

    public void Dispose()
    {
        while (world.Log.TryDequeue(out var line)) output.WriteLine(line);
    }

    [Fact]
    public async Task A_candidate_opens_the_emailed_link_changes_the_time_zone_picks_a_time_and_it_is_booked_with_the_debrief()
    {
        const string Name = "Katherine Johnson", Email = "katherine@example.org";
        var applicationId = await world.ApplyAsync(Name, Email);
        var recruiter = await world.NewPageAsync();
        await OfferThroughTheBookingPageAsync(recruiter, applicationId);
        var link = await world.PickLinkSentToAsync(Email);
        Assert.StartsWith($"{world.Host.BaseUrl}api/ui/pick.html#t={applicationId}.", link, StringComparison.Ordinal);

        // The candidate's own browser, on a device set to New York: no account, no sign-in.
        var candidate = await world.NewPageAsync(timeZone: "America/New_York");
        await candidate.GotoAsync(link);
        await Assertions.Expect(candidate.GetByRole(AriaRole.Status)).ToContainTextAsync("available in America/New York");
        await Assertions.Expect(candidate.GetByLabel("Time zone")).ToHaveValueAsync("America/New_York");
        await AssertTimesShownInAsync(candidate, "America/New_York");
        await Assertions.Expect(candidate.Locator("#sessions")).ToContainTextAsync("45 minutes");

        await candidate.GetByLabel("Time zone").SelectOptionAsync("Asia/Tokyo");
        await Assertions.Expect(candidate.GetByRole(AriaRole.Status)).ToContainTextAsync("available in Asia/Tokyo");
        await AssertTimesShownInAsync(candidate, "Asia/Tokyo");
        await Accessibility.AssertNoSeriousViolationsAsync(candidate);
        await BrowserWorld.ScreenshotAsync(candidate, "pick-options");

        var chosen = candidate.Locator("#options button.option").First;
        var start = DateTimeOffset.Parse((await chosen.GetAttributeAsync("data-start"))!, CultureInfo.InvariantCulture);
        var label = (await chosen.TextContentAsync())!;
        await chosen.ClickAsync();

        // The heading is in the page from the start, hidden: it is the one shown that counts.
        var confirmation = candidate.Locator("#confirmation-title");
        await Assertions.Expect(confirmation).ToBeVisibleAsync();
        await Assertions.Expect(confirmation).ToHaveTextAsync("Your interview is booked");
        await Assertions.Expect(confirmation).ToBeFocusedAsync();
        await Assertions.Expect(candidate.Locator("#confirmation-time")).ToHaveTextAsync($"{label} (Asia/Tokyo)");
        await Assertions.Expect(candidate.Locator("#picker")).ToBeHiddenAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(candidate);
        await BrowserWorld.ScreenshotAsync(candidate, "pick-booked");

        // In the organizer's calendar: the interviewers' meeting and the candidate's own invite at the picked time,
        // and the debrief right after.
        var events = EventsAbout(Name, Email);
        var interview = Assert.Single(events, e => e.Subject.StartsWith("Interview: ", StringComparison.Ordinal));
        Assert.Equal(start, interview.Start);
        Assert.Contains(interview.Attendees, a => a.Address == LeadEngineer);
        Assert.Equal(start, Assert.Single(events, e => e.Attendees.Any(a => a.Address == Email)).Start);
        var debrief = Assert.Single(events, e => e.Subject.StartsWith("Debrief: ", StringComparison.Ordinal));
        Assert.True(debrief.Start >= interview.End, $"debrief at {debrief.Start:O}, interview ends {interview.End:O}");
        Assert.DoesNotContain(debrief.Attendees, a => a.Address == Email);

        // The recruiter sees it picked, with how long it took.
        var view = await ApplicationAsync(applicationId);
        Assert.Equal("picked", view.GetProperty("selfScheduling").GetProperty("status").GetString());
        Assert.Equal(start, view.GetProperty("interviews")[0].GetProperty("start").GetDateTimeOffset());
        Assert.Equal("scheduled", view.GetProperty("debrief").GetProperty("status").GetString());
        await recruiter.GotoAsync($"api/ui/application.html?id={applicationId}");
        await Assertions.Expect(recruiter.Locator("#candidate")).ToContainTextAsync("picked");
        await Assertions.Expect(recruiter.Locator("#debrief")).ToContainTextAsync("scheduled");
    }

    [Fact]
    public async Task A_second_pick_from_another_device_shows_that_the_link_was_used_and_books_nothing_more()
    {
        const string Name = "Mary Jackson", Email = "mary@example.org";
        var applicationId = await world.ApplyAsync(Name, Email);
        await OfferThroughTheApiAsync(applicationId);
        var link = await world.PickLinkSentToAsync(Email);

        // The link open on a laptop and on a phone; the laptop picks first.
        var laptop = await world.NewPageAsync(timeZone: "Europe/London");
        var phone = await world.NewPageAsync(new ViewportSize { Width = 390, Height = 844 }, timeZone: "Europe/London");
        await laptop.GotoAsync(link);
        await phone.GotoAsync(link);
        await Assertions.Expect(phone.Locator("#options button.option").Nth(1)).ToBeVisibleAsync();
        Assert.False(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"));
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await BrowserWorld.ScreenshotAsync(phone, "pick-options-phone");
        await laptop.Locator("#options button.option").First.ClickAsync();
        await Assertions.Expect(laptop.GetByRole(AriaRole.Heading, new() { Name = "Your interview is booked" })).ToBeVisibleAsync();
        var booked = EventsAbout(Name, Email);

        await phone.Locator("#options button.option").Nth(1).ClickAsync();

        var problem = phone.Locator("#problem-title");
        await Assertions.Expect(problem).ToBeVisibleAsync();
        await Assertions.Expect(problem).ToHaveTextAsync("This link was used");
        await Assertions.Expect(problem).ToBeFocusedAsync();
        await Assertions.Expect(phone.Locator("#problem-interview")).ToContainTextAsync("Your interview: ");
        await Assertions.Expect(phone.Locator("#picker")).ToBeHiddenAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await BrowserWorld.ScreenshotAsync(phone, "pick-used");

        // Opened again later: the same message, no times to pick.
        var later = await world.NewPageAsync(timeZone: "Europe/London");
        await later.GotoAsync(link);
        await Assertions.Expect(later.Locator("#problem-title")).ToHaveTextAsync("This link was used");
        Assert.Equal(0, await later.Locator("#options button.option").CountAsync());

        Assert.Equal(3, booked.Count); // the interviewers' meeting, the candidate's invite, the debrief
        Assert.Equal(booked.Select(e => (e.Id, e.Start)), EventsAbout(Name, Email).Select(e => (e.Id, e.Start)));
        Assert.Single((await ApplicationAsync(applicationId)).GetProperty("interviews").EnumerateArray());
    }

    [Fact]
    public async Task A_link_with_one_character_changed_shows_that_it_is_not_valid_and_books_nothing()
    {
        const string Name = "Annie Easley", Email = "annie@example.org";
        var applicationId = await world.ApplyAsync(Name, Email);
        await OfferThroughTheApiAsync(applicationId);
        var link = await world.PickLinkSentToAsync(Email);
        var tampered = link[..^1] + (link[^1] == '1' ? '2' : '1'); // the signature's last hex digit

        var candidate = await world.NewPageAsync(timeZone: "Europe/London");
        await candidate.GotoAsync(tampered);

        var problem = candidate.Locator("#problem-title");
        await Assertions.Expect(problem).ToBeVisibleAsync();
        await Assertions.Expect(problem).ToHaveTextAsync("This link is not valid");
        await Assertions.Expect(problem).ToBeFocusedAsync();
        await Assertions.Expect(candidate.Locator("#picker")).ToBeHiddenAsync();
        Assert.Equal(0, await candidate.Locator("#options button.option").CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(candidate);
        await BrowserWorld.ScreenshotAsync(candidate, "pick-invalid");

        // The link as sent still works (it was the change that was refused), and nothing was booked.
        var real = await world.NewPageAsync(timeZone: "Europe/London");
        await real.GotoAsync(link);
        await Assertions.Expect(real.Locator("#options button.option").First).ToBeVisibleAsync();
        Assert.Empty(EventsAbout(Name, Email));
        var view = await ApplicationAsync(applicationId);
        Assert.Empty(view.GetProperty("interviews").EnumerateArray());
        Assert.Equal("offered", view.GetProperty("selfScheduling").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_link_that_expired_while_open_shows_that_it_expired_and_books_nothing()
    {
        const string Name = "Dorothy Vaughan", Email = "dorothy@example.org";
        var applicationId = await world.ApplyAsync(Name, Email);
        await OfferThroughTheApiAsync(applicationId, expiresInHours: 1);
        var link = await world.PickLinkSentToAsync(Email);
        var candidate = await world.NewPageAsync(timeZone: "Europe/London");
        await candidate.GotoAsync(link);
        await Assertions.Expect(candidate.Locator("#expires")).ToContainTextAsync("This link works once, until");
        var first = candidate.Locator("#options button.option").First;
        await Assertions.Expect(first).ToBeVisibleAsync();

        // The page stays open past the hour the link was given (the app's and the tenant's shared clock moves on).
        world.Clock.Advance(TimeSpan.FromMinutes(61));
        await first.ClickAsync();

        var problem = candidate.Locator("#problem-title");
        await Assertions.Expect(problem).ToBeVisibleAsync();
        await Assertions.Expect(problem).ToHaveTextAsync("This link has expired");
        await Assertions.Expect(problem).ToBeFocusedAsync();
        await Assertions.Expect(candidate.Locator("#picker")).ToBeHiddenAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(candidate);
        await BrowserWorld.ScreenshotAsync(candidate, "pick-expired");

        var again = await world.NewPageAsync(timeZone: "Europe/London");
        await again.GotoAsync(link);
        await Assertions.Expect(again.Locator("#problem-title")).ToHaveTextAsync("This link has expired");
        Assert.Empty(EventsAbout(Name, Email));
        var view = await ApplicationAsync(applicationId);
        Assert.Empty(view.GetProperty("interviews").EnumerateArray());
        Assert.Equal("expired", view.GetProperty("selfScheduling").GetProperty("status").GetString());
    }

    /// <summary>The recruiter signs in, chooses an interviewer on the booking page, sees the times and sends the link.</summary>
    private static async Task OfferThroughTheBookingPageAsync(IPage page, string applicationId)
    {
        await BrowserWorld.SignInAsync(page, BrowserWorld.Recruiter, recruiter: true, then: $"/api/ui/book.html?application={applicationId}");
        await Assertions.Expect(page.GetByLabel("Application")).ToHaveValueAsync(applicationId);
        await page.GetByLabel("Find a person by name or address").FillAsync("lead");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Amelia Hart" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Find times" }).ClickAsync();
        await Assertions.Expect(page.Locator("#options li.option").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Let the candidate pick from these" }).ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToHaveTextAsync("Sent: the candidate can now pick a time from their email.");
        await BrowserWorld.ScreenshotAsync(page, "book-offer-sent");
    }

    /// <summary>
    /// The same offer through the API, as a signed-in recruiter's browser makes it; the API also takes a shorter life
    /// for the link than the page's 72 hours.
    /// </summary>
    private async Task OfferThroughTheApiAsync(string applicationId, int expiresInHours = 72)
    {
        var page = await world.NewPageAsync();
        await BrowserWorld.SignInAsync(page, BrowserWorld.Recruiter, recruiter: true);
        var answer = await page.APIRequest.PostAsync($"api/applications/{applicationId}/self-scheduling", new APIRequestContextOptions
        {
            DataObject = new
            {
                sessions = new[] { new { title = "Technical panel", durationMinutes = 45, interviewers = new[] { new { email = LeadEngineer } } } },
                expiresInHours,
            },
        });
        Assert.True(answer.Status == 201, $"{answer.Status}: {await answer.TextAsync()}");
    }

    /// <summary>Each time button reads as the start and end in <paramref name="zoneId"/> of the UTC time it books.</summary>
    private static async Task AssertTimesShownInAsync(IPage page, string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var buttons = page.Locator("#options button.option");
        var count = await buttons.CountAsync();
        Assert.True(count > 0, "no times shown");
        for (var i = 0; i < count; i++)
        {
            var start = DateTimeOffset.Parse((await buttons.Nth(i).GetAttributeAsync("data-start"))!, CultureInfo.InvariantCulture);
            var local = TimeZoneInfo.ConvertTime(start, zone);
            var text = (await buttons.Nth(i).TextContentAsync())!;
            Assert.StartsWith(local.ToString("dddd d MMMM yyyy, HH:mm 'to' ", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
            Assert.EndsWith(local.AddMinutes(45).ToString("HH:mm", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        }
    }

    /// <summary>The organizer's events for this candidate that are not cancelled: meetings, their own invite, the debrief.</summary>
    private List<SandboxEvent> EventsAbout(string name, string email) =>
        [.. world.Sandbox.Tenant.EventsOf(SandboxCompany.OrganizerMailbox)
            .Where(e => !e.IsCancelled && (e.Subject.Contains(name, StringComparison.Ordinal) || e.Attendees.Any(a => a.Address == email)))
            .OrderBy(e => e.Id, StringComparer.Ordinal)];

    private async Task<JsonElement> ApplicationAsync(string applicationId) =>
        await world.Host.Http.GetFromJsonAsync<JsonElement>($"api/applications/{applicationId}");
}
