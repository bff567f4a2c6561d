using System.Text.Json;
using Azure.Data.Tables;
using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Functions.Applications;
using InterviewScheduler.Functions.Http;
using InterviewScheduler.Functions.Interviews;
using InterviewScheduler.Functions.Privacy;
using InterviewScheduler.Functions.SelfScheduling;
using InterviewScheduler.Functions.Tests.Applications;
using InterviewScheduler.Functions.Tests.Interviews;
using InterviewScheduler.Functions.Tests.SelfScheduling;
using InterviewScheduler.Sandbox.Calendar;
using InterviewScheduler.Sandbox.Seeding;
using InterviewScheduler.Sandbox.Users;
using InterviewScheduler.Storage.Applications;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InterviewScheduler.Functions.Tests.Privacy;

/// <summary><c>DELETE /api/applications/{id}</c>: the candidate's data erased, on Azurite and the sandbox tenant.</summary>
public sealed class ErasureTests
{
    internal const string London = "erase.london@contoso.com";
    internal const string Berlin = "erase.berlin@contoso.com";

    /// <summary>What the candidate gave (<see cref="BookingTests.ApplyAsync"/>): none of it may stay.</summary>
    internal static readonly string[] CandidateData = ["Ada", "Lovelace", "ada@example.org", "Europe/London"];

    internal static Task<TestApp> StartAsync(FakeTimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) => TestApp.StartAsync(
        settings,
        clock: clock,
        services: services,
        tenant: tenant =>
        {
            foreach (var (address, zone) in new[] { (London, "Europe/London"), (Berlin, "Europe/Berlin") })
            {
                tenant.AddUser(SandboxUser.Create(address, address, zone, WorkingHours.Weekdays(new TimeOnly(8, 0), new TimeOnly(18, 0), zone)));
            }
        });

    internal static string Panel(params string[] interviewers) => JsonSerializer.Serialize(new
    {
        sessions = new[] { new { title = "Technical panel", durationMinutes = 45, interviewers = interviewers.Select(e => new { email = e }) } },
    });

    [Fact]
    public async Task Erasing_cancels_the_future_interview_the_candidates_invite_and_the_debrief_and_keeps_only_anonymous_timings()
    {
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        await using var app = await StartAsync(clock);
        var (applicationId, interview) = await BookedAsync(app);
        var organizerEvents = app.Sandbox.Tenant.EventsOf(SandboxCompany.OrganizerMailbox).Select(e => e.Id).ToList();
        Assert.Equal(3, organizerEvents.Count); // the interviewers' meeting, the candidate's invite, the debrief
        app.Sandbox.Tenant.ClearRequestLog();

        var result = await DeleteAsync(app, applicationId);

        Assert.IsType<NoContentResult>(result);
        Assert.Equal(3, app.Sandbox.Tenant.RequestLog.Count(r => r.Method == "POST" && r.Path.EndsWith("/cancel", StringComparison.Ordinal)));
        Assert.All(organizerEvents, id => Assert.Null(app.Sandbox.Tenant.FindEvent(SandboxCompany.OrganizerMailbox, id)));
        Assert.All(app.Sandbox.Tenant.EventsOf(London), e => Assert.True(e.IsCancelled));

        var view = await ErasedAsync(app, applicationId);
        Assert.Equal("erased", view.Status);
        Assert.Equal(clock.GetUtcNow(), view.ErasedAt);
        Assert.Equal(("senior-engineer", "Senior Software Engineer"), (view.Role.Id, view.Role.Title));
        Assert.Equal(TestClock.DefaultStart, view.ReceivedAt);
        Assert.Equal("sent", view.Acknowledgment.Status);
        Assert.NotNull(view.Timeline.AcknowledgedAt);
        Assert.NotNull(view.Timeline.BookedAt);
        var kept = Assert.Single(view.Interviews);
        Assert.Equal((interview.Start, interview.End, "cancelled"), (kept.Start, kept.End, kept.Status));
        Assert.Equal("cancelled", view.Debrief!.Status);
        Assert.Equal(interview.End, view.Debrief.Start);
        await AssertNothingPersonalStoredAsync(app, applicationId);
    }

    [Fact]
    public async Task A_second_delete_answers_the_same_and_sends_nothing()
    {
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        await using var app = await StartAsync(clock);
        var (applicationId, _) = await BookedAsync(app);
        Assert.IsType<NoContentResult>(await DeleteAsync(app, applicationId));
        app.Sandbox.Tenant.ClearRequestLog();
        var sent = app.Sandbox.Tenant.SentMail().Count;

        var again = await DeleteAsync(app, applicationId);
        clock.Advance(TimeSpan.FromHours(1));
        var later = await DeleteAsync(app, applicationId);

        Assert.IsType<NoContentResult>(again);
        Assert.IsType<NoContentResult>(later);
        Assert.Empty(app.Sandbox.Tenant.RequestLog);
        Assert.Equal(sent, app.Sandbox.Tenant.SentMail().Count);
    }

    [Fact]
    public async Task Interviews_and_a_debrief_in_the_past_are_left_as_they_are()
    {
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        await using var app = await StartAsync(clock);
        var (applicationId, interview) = await BookedAsync(app);
        clock.Advance(interview.End - clock.GetUtcNow() + TimeSpan.FromHours(2));
        app.Sandbox.Tenant.ClearRequestLog();

        Assert.IsType<NoContentResult>(await DeleteAsync(app, applicationId));

        Assert.DoesNotContain(app.Sandbox.Tenant.RequestLog, r => r.Path.EndsWith("/cancel", StringComparison.Ordinal));
        Assert.NotNull(app.Sandbox.Tenant.FindEvent(SandboxCompany.OrganizerMailbox, interview.EventId));
        var view = await ErasedAsync(app, applicationId);
        Assert.Equal("scheduled", Assert.Single(view.Interviews).Status);
        Assert.Equal("scheduled", view.Debrief!.Status);
        await AssertNothingPersonalStoredAsync(app, applicationId);
    }

    [Fact]
    public async Task An_erasure_that_stopped_after_cancelling_is_finished_by_the_next_delete_without_cancelling_again()
    {
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        var crash = new CrashingInterviewStore.Switch();
        await using var app = await StartAsync(clock, services: s => s.AddSingleton<IInterviewStore>(sp => new CrashingInterviewStore(sp.GetRequiredService<TableApplicationStore>(), crash)));
        var (applicationId, _) = await BookedAsync(app);
        app.Sandbox.Tenant.ClearRequestLog();
        crash.Armed = true;

        await Assert.ThrowsAsync<IOException>(() => DeleteAsync(app, applicationId));
        Assert.Equal(3, app.Sandbox.Tenant.RequestLog.Count(r => r.Path.EndsWith("/cancel", StringComparison.Ordinal)));
        Assert.Equal("erasing", (await ErasedAsync(app, applicationId)).Status);

        // At once, the cancellations it claimed are still its own: ask again later.
        var soon = await DeleteAsync(app, applicationId);
        Assert.Equal(409, FunctionRequests.StatusOf(soon));
        Assert.Equal(ApplicationErasureRetry, Assert.IsType<RetryAfterResult>(soon).Wait);
        clock.Advance(ApplicationErasureRetry + TimeSpan.FromSeconds(1));
        var cancelledBefore = app.Sandbox.Tenant.EventsOf(London).Select(e => e.LastModified).ToList();

        Assert.IsType<NoContentResult>(await DeleteAsync(app, applicationId));

        // Asked again, Graph found them cancelled already: nobody got a second cancellation.
        Assert.Equal(cancelledBefore, app.Sandbox.Tenant.EventsOf(London).Select(e => e.LastModified));
        Assert.Equal("erased", (await ErasedAsync(app, applicationId)).Status);
        await AssertNothingPersonalStoredAsync(app, applicationId);
    }

    [Fact]
    public async Task The_same_candidate_applying_after_erasure_is_a_new_application_with_its_own_acknowledgment()
    {
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        await using var app = await StartAsync(clock);
        var first = await BookingTests.ApplyAsync(app);
        await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));
        Assert.IsType<NoContentResult>(await DeleteAsync(app, first));

        var second = await BookingTests.ApplyAsync(app);
        await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(first, second);
        Assert.Equal("sent", (await IntakeTests.GetAsync(app, second)).Acknowledgment.Status);
        Assert.Equal(2, app.Sandbox.Tenant.SentMail().Count(m => m.ToRecipients.Any(r => string.Equals(r.Address, "ada@example.org", StringComparison.OrdinalIgnoreCase))));
        Assert.Equal("erased", (await ErasedAsync(app, first)).Status);
    }

    [Fact]
    public async Task Nothing_is_booked_offered_or_sent_for_an_erased_application_and_its_link_stops_working()
    {
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        await using var app = await StartAsync(clock, new Dictionary<string, string?>
        {
            ["SelfScheduling:SigningKey"] = new string('k', 40),
            ["SelfScheduling:PublicBaseUrl"] = "https://interviews.contoso.com",
        });
        var (applicationId, token) = await SelfSchedulingTests.OfferedAsync(app, Panel(London));
        var offered = Assert.IsType<CandidateOptionsAnswer>(Assert.IsType<OkObjectResult>(await SelfSchedulingTests.OptionsAsync(app, token)).Value);
        var offeredStart = offered.Options[0].Start;
        Assert.IsType<NoContentResult>(await DeleteAsync(app, applicationId));
        app.Sandbox.Tenant.ClearRequestLog();
        var mail = app.Sandbox.Tenant.SentMail().Count;

        var book = await BookingTests.BookAsync(app, applicationId, Panel(London));
        var offer = await SelfSchedulingTests.OfferAsync(app, applicationId, Panel(London));
        var pick = await SelfSchedulingTests.PickAsync(app, token, offeredStart);
        var options = await SelfSchedulingTests.OptionsAsync(app, token);

        Assert.Equal([404, 404, 403, 403], new[] { book, offer, pick, options }.Select(FunctionRequests.StatusOf));
        Assert.DoesNotContain(app.Sandbox.Tenant.RequestLog, r => r.Method is "POST" or "PATCH");
        Assert.Equal(mail, app.Sandbox.Tenant.SentMail().Count);
        Assert.Empty(await app.Services.GetRequiredService<IApplicationStore>().ListAsync(null, null, CancellationToken.None).Where(a => !a.IsErased).ToListAsync());
    }

    [Fact]
    public async Task A_booking_under_way_makes_the_erasure_wait_with_409_and_Retry_After()
    {
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        await using var app = await StartAsync(clock);
        var applicationId = await BookingTests.ApplyAsync(app);
        var store = app.Services.GetRequiredService<IApplicationStore>();
        var application = (await store.FindAsync(applicationId, CancellationToken.None))!;
        await store.UpdateAsync(application, a => a with { Booking = new BookingClaim("under-way", clock.GetUtcNow()) }, CancellationToken.None);

        var result = await DeleteAsync(app, applicationId);

        Assert.Equal(409, FunctionRequests.StatusOf(result));
        Assert.Contains("application/problem+json", ((ObjectResult)Assert.IsType<RetryAfterResult>(result).Inner).ContentTypes);
        Assert.Equal("Ada Lovelace", (await IntakeTests.GetAsync(app, applicationId)).Candidate.Name);
    }

    [Fact]
    public async Task An_unknown_or_malformed_id_is_404_problem_json_and_nobody_but_a_recruiter_may_delete()
    {
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        await using var app = await StartAsync(clock);
        var applicationId = await BookingTests.ApplyAsync(app);

        var unknown = await DeleteAsync(app, "0123456789abcdef0123456789abcdef");
        var malformed = await DeleteAsync(app, "../applications");
        var nobody = await app.Function<DeleteApplicationFunction>().Run(FunctionRequests.Anonymous(Delete()), applicationId, CancellationToken.None);
        var interviewer = await app.Function<DeleteApplicationFunction>().Run(FunctionRequests.SignedInAs(Delete(), TestPrincipals.Interviewer), applicationId, CancellationToken.None);

        Assert.Equal([404, 404, 401, 403], new[] { unknown, malformed, nobody, interviewer }.Select(FunctionRequests.StatusOf));
        Assert.All(new[] { unknown, malformed, nobody, interviewer }, r => Assert.Contains("application/problem+json", ((ObjectResult)r).ContentTypes));
        Assert.Equal("Ada Lovelace", (await IntakeTests.GetAsync(app, applicationId)).Candidate.Name);
    }

    private static readonly TimeSpan ApplicationErasureRetry = Core.Privacy.ApplicationErasure.RetryAfter;

    /// <summary>An application acknowledged and booked (a panel of two, its candidate invite and its debrief).</summary>
    internal static async Task<(string ApplicationId, InterviewView Interview)> BookedAsync(TestApp app)
    {
        var applicationId = await BookingTests.ApplyAsync(app);
        await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));
        var booked = await BookingTests.BookAsync(app, applicationId, Panel(London, Berlin));
        Assert.Equal(201, FunctionRequests.StatusOf(booked));
        var answer = Assert.IsType<BookingAnswer>(((ObjectResult)booked).Value);
        Assert.NotNull(answer.Debrief);
        return (applicationId, answer.Interviews.Single());
    }

    internal static Task<IActionResult> DeleteAsync(TestApp app, string applicationId) =>
        app.Function<DeleteApplicationFunction>().Run(Delete(), applicationId, CancellationToken.None);

    internal static async Task<ErasedApplicationView> ErasedAsync(TestApp app, string applicationId)
    {
        var result = await app.Function<GetApplicationFunction>().Run(FunctionRequests.Get(), applicationId, CancellationToken.None);
        return Assert.IsType<ErasedApplicationView>(Assert.IsType<OkObjectResult>(result).Value);
    }

    /// <summary>
    /// Every row of the application's partition holds none of the candidate's data nor the interviewers' addresses, and
    /// no lookup (deduplication key, event index) leads to the application any more.
    /// </summary>
    internal static async Task AssertNothingPersonalStoredAsync(TestApp app, string applicationId)
    {
        var rows = await app.Storage.Table(app.Names.ApplicationsTable).QueryAsync<TableEntity>(e => e.PartitionKey == applicationId).ToListAsync();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            foreach (var (name, value) in row.Where(p => p.Key is not ("odata.etag" or "Timestamp")))
            {
                var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                foreach (var personal in CandidateData.Append(London).Append(Berlin).Append("teams.microsoft.com"))
                {
                    Assert.False(text.Contains(personal, StringComparison.OrdinalIgnoreCase), $"{row.RowKey}.{name} still holds '{personal}'");
                }
            }
        }

        foreach (var table in new[] { app.Names.ApplicationKeysTable, app.Names.EventIndexTable })
        {
            var client = app.Storage.Table(table);
            await client.CreateIfNotExistsAsync();
            Assert.DoesNotContain(await client.QueryAsync<TableEntity>().ToListAsync(), e => e.GetString("ApplicationId") == applicationId);
        }
    }

    private static Microsoft.AspNetCore.Http.HttpRequest Delete()
    {
        var request = FunctionRequests.Get();
        request.Method = "DELETE";
        return request;
    }

    /// <summary>Interview rows whose next save fails once when armed: a stop after the cancellations, before the rows are erased.</summary>
    private sealed class CrashingInterviewStore(IInterviewStore inner, CrashingInterviewStore.Switch crash) : IInterviewStore
    {
        public sealed class Switch
        {
            public bool Armed { get; set; }
        }

        public Task<IReadOnlyList<Interview>> ListAsync(string applicationId, CancellationToken cancellationToken) => inner.ListAsync(applicationId, cancellationToken);

        public Task<JobApplication?> TryRecordBookingAsync(JobApplication application, IReadOnlyList<Interview> interviews, CancellationToken cancellationToken) =>
            inner.TryRecordBookingAsync(application, interviews, cancellationToken);

        public Task SaveAsync(IReadOnlyList<Interview> changed, CancellationToken cancellationToken)
        {
            if (!crash.Armed) return inner.SaveAsync(changed, cancellationToken);
            crash.Armed = false;
            throw new IOException("The process stopped.");
        }
    }
}
