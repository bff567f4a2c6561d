using Azure.Data.Tables;
using InterviewScheduler.Core.Availability;
using InterviewScheduler.Core.Interviews;

namespace InterviewScheduler.Storage.Applications;

/// <summary>A booking plan in an application row, as JSON in columns <c>BookingPlan</c>, <c>BookingPlan1</c>, ... (<see cref="JsonColumns"/>).</summary>
internal static class BookingPlanColumns
{
    private const string Name = "BookingPlan";

    public static void Write(TableEntity entity, BookingPlan? plan) =>
        JsonColumns.Write(entity, Name, plan is null ? null : PlanRow.From(plan));

    public static BookingPlan? Read(TableEntity entity) => JsonColumns.Read<PlanRow>(entity, Name)?.ToPlan();

    // The stored shape, apart from Core's types so that either can change without the other.
    private sealed record PlanRow(string Id, List<SessionRow> Sessions, DebriefRow? Debrief)
    {
        public static PlanRow From(BookingPlan plan) => new(
            plan.PlanId,
            [.. plan.Sessions.Select(s => new SessionRow(s.Title, s.Time.Start, s.Time.End, [.. s.Interviewers.Select(i => new AttendeeRow(i.Email, i.Name, i.Optional))]))],
            plan.Debrief is { } d ? new DebriefRow(d.Time.Start, d.Time.End, [.. d.Team]) : null);

        public BookingPlan ToPlan() => new(
            Id,
            [.. Sessions.Select(s => new PlannedSession(s.Title, new TimeRange(s.Start, s.End), [.. s.Interviewers.Select(i => new EventAttendee(i.Email, i.Name, i.Optional))]))],
            Debrief is { } d ? new PlannedDebrief(new TimeRange(d.Start, d.End), d.Team) : null);
    }

    private sealed record SessionRow(string Title, DateTimeOffset Start, DateTimeOffset End, List<AttendeeRow> Interviewers);

    private sealed record AttendeeRow(string Email, string? Name, bool Optional);

    private sealed record DebriefRow(DateTimeOffset Start, DateTimeOffset End, List<string> Team);
}
