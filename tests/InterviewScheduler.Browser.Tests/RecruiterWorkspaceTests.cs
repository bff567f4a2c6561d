using System.Text.RegularExpressions;
using InterviewScheduler.Sandbox.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InterviewScheduler.Browser.Tests;

/// <summary>
/// A recruiter in the browser: the application list, booking a panel found through the directory (options in each
/// person's local time), the booked interviews and debrief on the application's page. Each page is checked with axe
/// and kept as a screenshot.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RecruiterWorkspaceTests(BrowserWorld world, ITestOutputHelper output) : IDisposable
{
    private const string Recruiter = BrowserWorld.Recruiter;

    public void Dispose()
    {
        while (world.Log.TryDequeue(out var line)) output.WriteLine(line);
    }

    [Fact]
    public async Task A_recruiter_finds_interviewers_sees_options_books_and_sees_the_debrief()
    {
        var applicationId = await world.ApplyAsync("Ada Lovelace", "ada@example.org");
        var page = await world.NewPageAsync();

        // Signing in, then the list.
        await page.GotoAsync("api/ui/");
        // Polled rather than awaited as a navigation event: on a cold DevHost the redirect can come and go between events.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/\\.auth/login/dev"));
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await BrowserWorld.SignInAsync(page, Recruiter, recruiter: true);
        var row = page.GetByRole(AriaRole.Row).Filter(new LocatorFilterOptions { HasText = "Ada Lovelace" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await BrowserWorld.ScreenshotAsync(page, "applications");

        // Booking: find two interviewers by name, find times, book the first.
        await page.GotoAsync($"api/ui/book.html?application={applicationId}");
        foreach (var (search, person) in new[] { ("lead", "Amelia Hart"), ("product", "Hannah Kim") })
        {
            await page.GetByLabel("Find a person by name or address").FillAsync(search);
            await page.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = $"Add {person}" }).ClickAsync();
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Chosen interviewers" })).ToContainTextAsync("Hannah Kim");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find times" }).ClickAsync();
        var firstOption = page.Locator("#options li.option").First;
        await Assertions.Expect(firstOption).ToBeVisibleAsync();
        // Each interviewer's own time and the candidate's.
        await Assertions.Expect(firstOption).ToContainTextAsync("product.manager@contoso.com");
        await Assertions.Expect(firstOption).ToContainTextAsync("Candidate:");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await BrowserWorld.ScreenshotAsync(page, "book-options");
        // The options as a laptop's screen shows them (the README's picture).
        await page.Locator("#options-heading").EvaluateAsync("heading => heading.scrollIntoView({ block: 'start' })");
        await BrowserWorld.ScreenshotAsync(page, "book-options-screen", fullPage: false);

        await page.GetByRole(AriaRole.Button, new() { Name = "Book option 1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Booked" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("Teams join link");
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("Debrief:");
        await BrowserWorld.ScreenshotAsync(page, "book-result");

        // The application's page: the interview with each answer, and the debrief.
        await page.GotoAsync($"api/ui/application.html?id={applicationId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ada Lovelace — Senior Software Engineer" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#interviews")).ToContainTextAsync("lead.engineer@contoso.com: notResponded");
        await Assertions.Expect(page.Locator("#debrief")).ToContainTextAsync("scheduled");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await BrowserWorld.ScreenshotAsync(page, "application");

        // Cancelling it from there: the recruiter confirms, Outlook's cancellations go out, the debrief goes with it.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Cancel Interview") }).ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("is cancelled");
        await Assertions.Expect(page.Locator("#interviews tbody td").Nth(2)).ToHaveTextAsync("cancelled");
        await Assertions.Expect(page.Locator("#debrief")).ToContainTextAsync("(cancelled)");
        Assert.DoesNotContain(world.Sandbox.Tenant.EventsOf(SandboxCompany.OrganizerMailbox), e => !e.IsCancelled && e.Subject.Contains("Ada Lovelace", StringComparison.Ordinal));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await BrowserWorld.ScreenshotAsync(page, "application-cancelled");
    }

    [Fact]
    public async Task Someone_without_the_recruiter_role_is_refused_by_the_pages_and_the_api()
    {
        var page = await world.NewPageAsync();

        await BrowserWorld.SignInAsync(page, "Amelia Hart", recruiter: false);

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Recruiters only.");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Ada Lovelace" }).CountAsync());
        var api = await page.APIRequest.GetAsync("api/applications");
        Assert.Equal(403, api.Status);
        await BrowserWorld.ScreenshotAsync(page, "not-a-recruiter");
    }

    [Fact]
    public async Task The_list_reads_on_a_phone()
    {
        await world.ApplyAsync("Grace Hopper", "grace@example.org");
        var page = await world.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });

        await BrowserWorld.SignInAsync(page, Recruiter, recruiter: true);

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Grace Hopper" })).ToBeVisibleAsync();
        // Nothing wider than the screen but the table's own scroller.
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await BrowserWorld.ScreenshotAsync(page, "applications-phone");
    }
}
