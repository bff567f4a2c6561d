using System.Text.Json;
using Azure.Data.Tables;
using InterviewScheduler.Core.Availability;
using InterviewScheduler.Core.Interviews;

namespace InterviewScheduler.Storage.Applications;

/// <summary>
/// A booking plan in an application row, as JSON split over columns <c>BookingPlan</c>, <c>BookingPlan1</c>, ...:
/// a string property holds at most 64 KiB (32K UTF-16 characters), and a loop's plan can be longer.
/// </summary>
internal static class BookingPlanColumns
{
    private const string Name = "BookingPlan";

    /// <summary>Characters per column, under Table Storage's 32K-character limit for a string property.</summary>
    private const int ChunkLength = 30_000;

    /// <summary>Most columns a plan may use (the row itself holds at most 1 MiB and 252 properties).</summary>
    private const int MaxColumns = 20;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Write(TableEntity entity, BookingPlan? plan)
    {
        if (plan is null) return;
        var text = JsonSerializer.Serialize(PlanRow.From(plan), Json);
        var chunks = text.Chunk(ChunkLength).Select(c => new string(c)).ToList();
        if (chunks.Count > MaxColumns) throw new InvalidOperationException($"A booking plan of {text.Length} characters does not fit an application row.");
        for (var i = 0; i < chunks.Count; i++) entity[ColumnName(i)] = chunks[i];
    }

    public static BookingPlan? Read(TableEntity entity)
    {
        if (entity.GetString(Name) is not { } first) return null;
        var text = first;
        for (var i = 1; i < MaxColumns && entity.GetString(ColumnName(i)) is { } next; i++) text += next;
        return JsonSerializer.Deserialize<PlanRow>(text, Json)?.ToPlan();
    }

    private static string ColumnName(int index) => index == 0 ? Name : $"{Name}{index}";

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
