using Microsoft.Graph.Models;

namespace InterviewScheduler.Sandbox.Tests.Calendar;

/// <summary>A Teams meeting's join information lives in the event's body, as Exchange keeps it (api/event-update.md).</summary>
public sealed class OnlineMeetingTests
{
    [Fact]
    public async Task A_teams_meeting_carries_its_join_link_in_the_body_and_a_move_keeps_it()
    {
        await using var server = await Graph.EmptyTenantAsync();
        server.Tenant.AddUser("interviews@contoso.com", "Contoso Interviews", "UTC");
        var client = Graph.For(server);
        var created = await client.Users["interviews@contoso.com"].Events.PostAsync(Graph.Meeting("Interview", new DateTime(2026, 11, 16, 10, 0, 0), TimeSpan.FromMinutes(45)));

        Assert.Contains(created!.OnlineMeeting!.JoinUrl!, System.Net.WebUtility.HtmlDecode(created.Body!.Content), StringComparison.Ordinal);
        var moved = await client.Users["interviews@contoso.com"].Events[created.Id].PatchAsync(new Event
        {
            Start = Graph.At(new DateTime(2026, 11, 16, 12, 0, 0)),
            End = Graph.At(new DateTime(2026, 11, 16, 12, 45, 0)),
        });

        Assert.True(moved!.IsOnlineMeeting);
        Assert.Equal(created.OnlineMeeting.JoinUrl, moved.OnlineMeeting?.JoinUrl);
    }

    [Fact]
    public async Task A_new_body_without_the_meeting_blob_disables_the_teams_meeting()
    {
        await using var server = await Graph.EmptyTenantAsync();
        server.Tenant.AddUser("interviews@contoso.com", "Contoso Interviews", "UTC");
        var client = Graph.For(server);
        var created = await client.Users["interviews@contoso.com"].Events.PostAsync(Graph.Meeting("Interview", new DateTime(2026, 11, 16, 10, 0, 0), TimeSpan.FromMinutes(45)));

        var rewritten = await client.Users["interviews@contoso.com"].Events[created!.Id].PatchAsync(new Event
        {
            Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Updated interview guide</p>" },
        });

        Assert.False(rewritten!.IsOnlineMeeting);
        Assert.Null(rewritten.OnlineMeeting);
    }
}
