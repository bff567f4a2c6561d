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

    [Fact]
    public async Task A_calendar_without_teams_says_so_and_makes_plain_events()
    {
        await using var server = await Graph.EmptyTenantAsync();
        server.Tenant.AddUser("interviews@contoso.com", "Contoso Interviews", "UTC");
        var client = Graph.For(server);
        var teams = await client.Users["interviews@contoso.com"].Calendar.GetAsync();
        server.Tenant.SetOnlineMeetingProviders("interviews@contoso.com");

        var none = await client.Users["interviews@contoso.com"].Calendar.GetAsync();
        var created = await client.Users["interviews@contoso.com"].Events.PostAsync(Graph.Meeting("Interview", new DateTime(2026, 11, 16, 10, 0, 0), TimeSpan.FromMinutes(45)));

        Assert.Equal([OnlineMeetingProviderType.TeamsForBusiness], teams!.AllowedOnlineMeetingProviders!.Select(p => p!.Value));
        Assert.Empty(none!.AllowedOnlineMeetingProviders!);
        Assert.False(created!.IsOnlineMeeting);
        Assert.Null(created.OnlineMeeting);
    }

    [Fact]
    public async Task A_meeting_of_more_than_500_attendees_is_refused()
    {
        await using var server = await Graph.EmptyTenantAsync();
        server.Tenant.AddUser("interviews@contoso.com", "Contoso Interviews", "UTC");
        var client = Graph.For(server);
        var crowd = Enumerable.Range(0, 501).Select(i => $"p{i}@example.org").ToArray();

        var refused = await Assert.ThrowsAsync<Microsoft.Graph.Models.ODataErrors.ODataError>(() =>
            client.Users["interviews@contoso.com"].Events.PostAsync(Graph.Meeting("All hands", new DateTime(2026, 11, 16, 10, 0, 0), TimeSpan.FromMinutes(45), crowd)));
        var accepted = await client.Users["interviews@contoso.com"].Events.PostAsync(Graph.Meeting("Big panel", new DateTime(2026, 11, 16, 12, 0, 0), TimeSpan.FromMinutes(45), crowd[..500]));

        Assert.Equal(400, refused.ResponseStatusCode);
        Assert.Equal(500, accepted!.Attendees!.Count);
    }
}
