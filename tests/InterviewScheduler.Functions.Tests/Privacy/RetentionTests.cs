using InterviewScheduler.Core.Applications;
using InterviewScheduler.Functions.Applications;
using InterviewScheduler.Functions.Privacy;
using InterviewScheduler.Functions.Tests.Applications;
using InterviewScheduler.Functions.Tests.Interviews;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InterviewScheduler.Functions.Tests.Privacy;

/// <summary><c>Privacy:RetentionDays</c>: the daily timer erases closed applications, on Azurite with an explicit clock.</summary>
public sealed class RetentionTests
{
    private static Dictionary<string, string?> Retention(int days) => new() { ["Privacy:RetentionDays"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [Fact]
    public async Task Applications_without_activity_for_the_retention_period_are_erased_and_active_ones_kept()
    {
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        await using var app = await ErasureTests.StartAsync(clock, Retention(30));
        var quiet = await BookingTests.ApplyAsync(app);
        var active = IntakeTests.IdOf(await app.Function<SubmitApplicationFunction>().Run(
            FunctionRequests.Json("""{"candidate":{"name":"Grace Hopper","email":"grace@example.org"},"role":{"id":"senior-engineer","title":"Senior Software Engineer"}}"""),
            CancellationToken.None));
        Assert.NotEqual(quiet, active);
        await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));

        // Four weeks on, the second one is booked: its interview is its latest activity.
        clock.Advance(TimeSpan.FromDays(28));
        var booked = await BookingTests.BookAsync(app, active, ErasureTests.Panel(ErasureTests.London));
        Assert.Equal(201, FunctionRequests.StatusOf(booked));
        var interviewEnd = Assert.IsType<InterviewScheduler.Functions.Interviews.BookingAnswer>(((ObjectResult)booked).Value).Interviews.Single().End;

        clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        await RunAsync(app);

        Assert.Equal("erased", (await ErasureTests.ErasedAsync(app, quiet)).Status);
        await ErasureTests.AssertNothingPersonalStoredAsync(app, quiet);
        Assert.Equal("Grace Hopper", (await IntakeTests.GetAsync(app, active)).Candidate.Name);

        // Thirty days after its interview and debrief it is closed too; the interview in the past is left in the calendar.
        clock.Advance(interviewEnd + TimeSpan.FromDays(30) + TimeSpan.FromHours(1) - clock.GetUtcNow());
        app.Sandbox.Tenant.ClearRequestLog();
        await RunAsync(app);

        var erased = await ErasureTests.ErasedAsync(app, active);
        Assert.Equal("erased", erased.Status);
        Assert.Equal("scheduled", Assert.Single(erased.Interviews).Status);
        Assert.DoesNotContain(app.Sandbox.Tenant.RequestLog, r => r.Path.EndsWith("/cancel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Zero_days_turns_automatic_erasure_off()
    {
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        await using var app = await ErasureTests.StartAsync(clock, Retention(0));
        var applicationId = await BookingTests.ApplyAsync(app);

        clock.Advance(TimeSpan.FromDays(1000));
        await RunAsync(app);

        Assert.Equal("Ada Lovelace", (await IntakeTests.GetAsync(app, applicationId)).Candidate.Name);
    }

    [Fact]
    public async Task Without_the_setting_the_period_is_180_days()
    {
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        await using var app = await ErasureTests.StartAsync(clock);
        var applicationId = await BookingTests.ApplyAsync(app);

        clock.Advance(TimeSpan.FromDays(179));
        await RunAsync(app);
        Assert.Equal("Ada Lovelace", (await IntakeTests.GetAsync(app, applicationId)).Candidate.Name);

        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await RunAsync(app);
        Assert.Equal("erased", (await ErasureTests.ErasedAsync(app, applicationId)).Status);
    }

    [Fact]
    public async Task An_erasure_left_half_way_is_finished_by_the_next_run_whatever_its_age()
    {
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        await using var app = await ErasureTests.StartAsync(clock, Retention(30));
        var applicationId = await BookingTests.ApplyAsync(app);
        var store = app.Services.GetRequiredService<IApplicationStore>();
        var application = (await store.FindAsync(applicationId, CancellationToken.None))!;
        await store.UpdateAsync(application, a => a with { Status = ApplicationStatus.Erasing, ErasedAt = clock.GetUtcNow() }, CancellationToken.None);

        await RunAsync(app);

        Assert.Equal("erased", (await ErasureTests.ErasedAsync(app, applicationId)).Status);
        await ErasureTests.AssertNothingPersonalStoredAsync(app, applicationId);
    }

    private static Task RunAsync(TestApp app) => app.Function<RetentionFunction>().Run(new TimerInfo(), CancellationToken.None);
}
