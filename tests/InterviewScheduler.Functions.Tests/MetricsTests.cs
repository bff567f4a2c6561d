using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json;
using InterviewScheduler.Core.Telemetry;
using InterviewScheduler.Functions.Interviews;
using InterviewScheduler.Functions.Tests.Applications;
using InterviewScheduler.Functions.Tests.Interviews;
using InterviewScheduler.Sandbox.Faults;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewScheduler.Functions.Tests;

/// <summary>The product's own measurements of speed are recorded as the flows run.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Acknowledgment_booking_debrief_and_throttling_are_measured()
    {
        await using var app = await TestApp.StartAsync();
        using var listener = new Recorder(app.Services.GetRequiredService<IMeterFactory>());
        app.Sandbox.Tenant.AddFault(new FaultRule { PathPattern = "*/calendar/getSchedule", Kind = FaultKind.Throttle, RetryAfterSeconds = 1, Count = 1 });

        var applicationId = await BookingTests.ApplyAsync(app);
        await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));
        var panel = JsonSerializer.Serialize(new { sessions = new[] { new { interviewers = new[] { new { email = "lead.engineer@contoso.com" } } } } });
        var booked = await BookingTests.BookAsync(app, applicationId, panel);
        Assert.Equal(201, FunctionRequests.StatusOf(booked));
        var answer = Assert.IsType<BookingAnswer>(((ObjectResult)booked).Value);

        var acknowledgment = Assert.Single(listener.Of("interviewscheduler.application.acknowledgment.duration"));
        var view = await IntakeTests.GetAsync(app, applicationId);
        Assert.Equal((view.Timeline.AcknowledgedAt!.Value - view.Timeline.ReceivedAt).TotalSeconds, acknowledgment, precision: 6);
        Assert.InRange(Assert.Single(listener.Of("interviewscheduler.booking.turnaround")), 0, 30);
        // The gap is whatever the booking made (zero when the team is free right after; the seeded calendars decide).
        Assert.Equal((answer.Debrief!.Start - Assert.Single(answer.Interviews).End).TotalMinutes, Assert.Single(listener.Of("interviewscheduler.debrief.gap")));
        Assert.Equal(1, listener.Of("interviewscheduler.graph.throttled").Sum());
    }

    /// <summary>Collects the measurements of the product's meter made by one app (tests in parallel have their own).</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Name, double Value)> _measurements = new();

        public Recorder(IMeterFactory app)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == HiringMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, app)) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => _measurements.Enqueue((instrument.Name, value)));
            _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _measurements.Enqueue((instrument.Name, value)));
            _listener.Start();
        }

        public IReadOnlyList<double> Of(string name) => [.. _measurements.Where(m => m.Name == name).Select(m => m.Value)];

        public void Dispose() => _listener.Dispose();
    }
}
