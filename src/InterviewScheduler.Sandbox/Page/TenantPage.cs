using System.Globalization;
using System.Net;
using System.Text;
using InterviewScheduler.Sandbox.Calendar;
using InterviewScheduler.Sandbox.Mail;
using InterviewScheduler.Sandbox.Users;
using InterviewScheduler.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace InterviewScheduler.Sandbox.Page;

/// <summary>
/// The read-only overview at <c>/</c>: who is who (time zone, working hours), each person's upcoming events in
/// their own time, and the mail each mailbox sent. Everything that came from a request is HTML-encoded.
/// </summary>
internal static class TenantPage
{
    /// <summary>How far ahead a person's calendar is shown.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(14);

    private const int MaxEventsPerPerson = 40;

    public static void Map(WebApplication app, SandboxTenant tenant) =>
        app.MapGet("/", () => Results.Content(Render(tenant), "text/html; charset=utf-8"));

    public static string Render(SandboxTenant tenant)
    {
        var now = tenant.TimeProvider.GetUtcNow();
        var users = tenant.Users;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sandbox tenant</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:.5rem 0 1.5rem}")
            .Append("td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}")
            .Append(".cancelled{text-decoration:line-through;color:#888}.free{color:#2a7}.tentative{color:#a70}.oof{color:#a27}")
            .Append("</style></head><body>")
            .Append("<h1>Sandbox tenant</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p>Now: {Encode(WireTime.Utc(now))} · {users.Count} mailboxes · Graph at <code>/v1.0</code> · control API at <code>/sandbox/</code></p>");

        html.Append("<h2>People</h2><table><tr><th>Name</th><th>Address</th><th>Role</th><th>Time zone</th><th>Working hours</th></tr>");
        foreach (var user in users)
        {
            html.Append("<tr><td>").Append(Encode(user.DisplayName)).Append("</td><td>").Append(Encode(user.Address))
                .Append("</td><td>").Append(Encode(user.JobTitle ?? string.Empty)).Append("</td><td>").Append(Encode(user.TimeZone))
                .Append("</td><td>").Append(Encode(Hours(user.WorkingHours))).Append("</td></tr>");
        }

        html.Append("</table><h2>Upcoming events</h2>");
        foreach (var user in users)
        {
            var zone = Zones.FindOrUtc(user.TimeZone);
            var upcoming = tenant.EventsOf(user.Address).Where(e => e.End > now && e.Start < now + Horizon).Take(MaxEventsPerPerson).ToList();
            html.Append("<h3>").Append(Encode(user.DisplayName)).Append(" <small>").Append(Encode(user.Address)).Append(" · times in ")
                .Append(Encode(user.TimeZone)).Append("</small></h3>");
            if (upcoming.Count == 0)
            {
                html.Append("<p>No events in the next 14 days.</p>");
                continue;
            }

            html.Append("<table><tr><th>When</th><th>Subject</th><th>Organizer</th><th>Attendees</th><th>Show as</th><th>Response</th><th>Teams</th></tr>");
            foreach (var item in upcoming) html.Append(EventRow(item, zone));
            html.Append("</table>");
        }

        html.Append("<h2>Sent mail</h2>");
        foreach (var group in tenant.SentMail().GroupBy(m => m.Mailbox, StringComparer.OrdinalIgnoreCase))
        {
            html.Append("<h3>").Append(Encode(group.Key)).Append("</h3><table><tr><th>Sent (UTC)</th><th>To</th><th>Subject</th><th>Message-ID</th></tr>");
            foreach (var message in group.Reverse()) html.Append(MessageRow(message));
            html.Append("</table>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static string EventRow(SandboxEvent item, TimeZoneInfo zone)
    {
        var start = Zones.ToLocal(item.Start, zone);
        var end = Zones.ToLocal(item.End, zone);
        var when = item.IsAllDay
            ? start.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture) + " (all day)"
            : start.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "–" + end.ToString("HH:mm", CultureInfo.InvariantCulture);
        var css = item.IsCancelled ? "cancelled" : item.ShowAs;
        var attendees = string.Join(", ", item.Attendees.Select(a => $"{a.Name ?? a.Address} ({a.Response})"));
        var teams = item.JoinUrl is null ? string.Empty : $"<a href=\"{Encode(item.JoinUrl)}\">join</a>";
        return $"<tr class=\"{Encode(css)}\"><td>{Encode(when)}</td><td>{Encode(item.Subject)}</td><td>{Encode(item.Organizer.Name ?? item.Organizer.Address)}</td>"
            + $"<td>{Encode(attendees)}</td><td>{Encode(item.IsCancelled ? "cancelled" : item.ShowAs)}</td><td>{Encode(item.Response)}</td><td>{teams}</td></tr>";
    }

    private static string MessageRow(SandboxMessage message)
    {
        var to = string.Join(", ", message.ToRecipients.Concat(message.CcRecipients).Select(r => r.Address));
        return $"<tr><td>{Encode(message.Sent.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))}</td><td>{Encode(to)}</td>"
            + $"<td>{Encode(message.Subject)}</td><td>{Encode(message.InternetMessageId)}</td></tr>";
    }

    private static string Hours(WorkingHours hours) =>
        string.Join(" ", hours.DaysOfWeek.Select(d => d.ToString()[..3])) + " "
        + hours.Start.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" + hours.End.ToString("HH:mm", CultureInfo.InvariantCulture) + " " + hours.TimeZone;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
