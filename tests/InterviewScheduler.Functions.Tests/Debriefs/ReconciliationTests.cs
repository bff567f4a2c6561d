using System.Text.Json;
using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Functions.Interviews;
using InterviewScheduler.Functions.Notifications;
using InterviewScheduler.Functions.Tests.Applications;
using InterviewScheduler.Functions.Tests.Interviews;
using InterviewScheduler.Sandbox.Seeding;
using InterviewScheduler.Sandbox.Users;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InterviewScheduler.Functions.Tests.Debriefs;

/// <summary>Reconciliation through the calendarView delta: one application's failure stays its own, and the window slides.</summary>
public sealed class ReconciliationTests
{
    private const string London = "reconcile.london@contoso.com";
    private const string Berlin = "reconcile.berlin@contoso.com";

    [Fact]
    public async Task A_poisoned_application_does_not_stop_reconciliation_and_is_retried_on_its_own()
    {
        var poison = new PoisonedApplications();
        await using var app = await StartAsync(new FakeTimeProvider(TestClock.DefaultStart), poison);
        var (first, firstInterview) = await BookAsync(app, "Ada Lovelace");
        var (second, secondInterview) = await BookAsync(app, "Grace Hopper");
        var watch = app.Function<CalendarWatchFunctions>();
        await watch.Reconcile(new TimerInfo(), CancellationToken.None); // the first round: everything in the window
        await app.DeliverCalendarChangesAsync(TimeSpan.FromSeconds(30));

        app.Sandbox.Tenant.MoveEvent(SandboxCompany.OrganizerMailbox, firstInterview.EventId, firstInterview.Start.AddHours(2), firstInterview.End.AddHours(2));
        app.Sandbox.Tenant.MoveEvent(SandboxCompany.OrganizerMailbox, secondInterview.EventId, secondInterview.Start.AddHours(2), secondInterview.End.AddHours(2));
        poison.Add(first);
        await watch.Reconcile(new TimerInfo(), CancellationToken.None);

        // The healthy application followed; the poisoned one is queued to retry on its own.
        Assert.Equal(secondInterview.End.AddHours(2), (await IntakeTests.GetAsync(app, second)).Debrief!.Start);
        Assert.Equal(firstInterview.End, (await app.Services.GetRequiredService<IDebriefStore>().FindAsync(first, CancellationToken.None))!.Time.Start);
        poison.Clear();
        await app.DeliverCalendarChangesAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(firstInterview.End.AddHours(2), (await IntakeTests.GetAsync(app, first)).Debrief!.Start);

        // The position was saved despite the failure: the next run reads nothing new.
        app.Sandbox.Tenant.ClearRequestLog();
        await watch.Reconcile(new TimerInfo(), CancellationToken.None);
        Assert.Contains(app.Sandbox.Tenant.RequestLog, r => r.Query.Contains("deltatoken", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_fresh_round_starts_after_a_day_so_the_window_follows_the_calendar()
    {
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        await using var app = await StartAsync(clock, new PoisonedApplications());
        var state = app.Services.GetRequiredService<ICalendarWatchState>();
        var watch = app.Function<CalendarWatchFunctions>();

        await watch.Reconcile(new TimerInfo(), CancellationToken.None);
        var started = (await state.FindDeltaPositionAsync(SandboxCompany.OrganizerMailbox, CancellationToken.None))!.RoundStartedAt;
        clock.Advance(TimeSpan.FromHours(12));
        app.Sandbox.Tenant.ClearRequestLog();
        await watch.Reconcile(new TimerInfo(), CancellationToken.None);
        Assert.Contains(app.Sandbox.Tenant.RequestLog, r => r.Query.Contains("deltatoken", StringComparison.OrdinalIgnoreCase));

        clock.Advance(CalendarWatch.FreshRoundEvery);
        app.Sandbox.Tenant.ClearRequestLog();
        await watch.Reconcile(new TimerInfo(), CancellationToken.None);

        var fresh = Assert.Single(app.Sandbox.Tenant.RequestLog, r => r.Path.Contains("delta", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("startDateTime", fresh.Query, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(started + TimeSpan.FromHours(12) + CalendarWatch.FreshRoundEvery, (await state.FindDeltaPositionAsync(SandboxCompany.OrganizerMailbox, CancellationToken.None))!.RoundStartedAt);
    }

    private static Task<TestApp> StartAsync(FakeTimeProvider clock, PoisonedApplications poison) => TestApp.StartAsync(
        new Dictionary<string, string?> { ["Debrief:RecruiterMailbox"] = London },
        clock: clock,
        services: s =>
        {
            s.Remove(s.Last(d => d.ServiceType == typeof(IInterviewStore)));
            s.AddSingleton<IInterviewStore>(sp => poison.Wrap(sp.GetRequiredService<Storage.Applications.TableApplicationStore>()));
        },
        tenant: tenant =>
        {
            foreach (var (address, zone) in new[] { (London, "Europe/London"), (Berlin, "Europe/Berlin") })
            {
                tenant.AddUser(SandboxUser.Create(address, address, zone, WorkingHours.Weekdays(new TimeOnly(8, 0), new TimeOnly(18, 0), zone)));
            }
        });

    private static async Task<(string ApplicationId, InterviewView Interview)> BookAsync(TestApp app, string name)
    {
        var body = JsonSerializer.Serialize(new { candidate = new { name, email = $"{name.Split(' ')[0].ToLowerInvariant()}@example.org" }, role = new { id = "r", title = "Engineer" } });
        var applicationId = IntakeTests.IdOf(await AcknowledgmentTests.SubmitAsync(app, body));
        var panel = JsonSerializer.Serialize(new { sessions = new[] { new { interviewers = new[] { new { email = Berlin } } } } });
        var booked = Assert.IsType<BookingAnswer>(((ObjectResult)await BookingTests.BookAsync(app, applicationId, panel)).Value);
        return (applicationId, Assert.Single(booked.Interviews));
    }

    /// <summary>Makes reading the interviews of chosen applications fail, as a corrupt row or a bug would.</summary>
    private sealed class PoisonedApplications
    {
        private readonly HashSet<string> _ids = [];

        public void Add(string applicationId)
        {
            lock (_ids) _ids.Add(applicationId);
        }

        public void Clear()
        {
            lock (_ids) _ids.Clear();
        }

        public IInterviewStore Wrap(IInterviewStore inner) => new Store(inner, this);

        private bool IsPoisoned(string applicationId)
        {
            lock (_ids) return _ids.Contains(applicationId);
        }

        private sealed class Store(IInterviewStore inner, PoisonedApplications owner) : IInterviewStore
        {
            public Task<IReadOnlyList<Interview>> ListAsync(string applicationId, CancellationToken cancellationToken) =>
                owner.IsPoisoned(applicationId) ? throw new InvalidOperationException("a poisoned application") : inner.ListAsync(applicationId, cancellationToken);

            public Task<JobApplication?> TryRecordBookingAsync(JobApplication application, IReadOnlyList<Interview> interviews, CancellationToken cancellationToken) =>
                inner.TryRecordBookingAsync(application, interviews, cancellationToken);

            public Task SaveAsync(IReadOnlyList<Interview> changed, CancellationToken cancellationToken) => inner.SaveAsync(changed, cancellationToken);
        }
    }
}
