using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewScheduler.Sandbox.Faults;
using InterviewScheduler.Sandbox.Seeding;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;

namespace InterviewScheduler.Sandbox.Tests.Batching;

/// <summary>Each test owns a seeded server: fault rules and the request log are shared state.</summary>
public sealed class BatchTests : IAsyncLifetime
{
    private static readonly DateTime Monday = SeededSandbox.SeedDate.ToDateTime(TimeOnly.MinValue);
    private SandboxServer _server = null!;
    private GraphServiceClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { SeedDate = SeededSandbox.SeedDate });
        _client = Graph.For(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static GetSchedulePostRequestBody Schedules(IEnumerable<string> people) => new()
    {
        Schedules = [.. people],
        StartTime = Graph.At(Monday),
        EndTime = Graph.At(Monday.AddDays(1)),
        AvailabilityViewInterval = 60,
    };

    [Fact]
    public async Task Batch_dispatches_each_step_through_the_same_handlers()
    {
        var batch = new BatchRequestContentCollection(_client);
        var first = await batch.AddBatchRequestStepAsync(_client.Users[SandboxCompany.OrganizerMailbox].Calendar.GetSchedule
            .ToPostRequestInformation(Schedules(SandboxCompany.InterviewerAddresses.Take(6))));
        var second = await batch.AddBatchRequestStepAsync(_client.Users[SandboxCompany.OrganizerMailbox].Calendar.GetSchedule
            .ToPostRequestInformation(Schedules(SandboxCompany.InterviewerAddresses.Skip(6))));
        var user = await batch.AddBatchRequestStepAsync(_client.Users["qa.engineer@contoso.com"].ToGetRequestInformation());

        var responses = await _client.Batch.PostAsync(batch);

        var a = await responses.GetResponseByIdAsync<GetSchedulePostResponse>(first);
        var b = await responses.GetResponseByIdAsync<GetSchedulePostResponse>(second);
        var qa = await responses.GetResponseByIdAsync<User>(user);
        Assert.Equal(6, a.Value?.Count);
        Assert.Equal(6, b.Value?.Count);
        Assert.Equal("Vikram Nair", qa.DisplayName);
        Assert.Equal(3, _server.Tenant.RequestLog.Count(r => r.InBatch));
    }

    [Fact]
    public async Task A_batch_of_21_steps_is_refused_with_400()
    {
        var steps = new JsonArray([.. Enumerable.Range(1, 21).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["method"] = "GET",
            ["url"] = "/users/qa.engineer@contoso.com",
        })]);
        using var http = new HttpClient();
        using var answer = await http.PostAsJsonAsync(new Uri(_server.GraphBaseUrl + "/$batch"), new JsonObject { ["requests"] = steps });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var error = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(error.GetProperty("error").GetProperty("code").GetString()));
        Assert.DoesNotContain(_server.Tenant.RequestLog, r => r.InBatch);
    }

    [Fact]
    public async Task A_throttled_step_answers_429_with_Retry_After_inside_the_batch()
    {
        _server.Tenant.AddFault(new FaultRule { PathPattern = "/users/*/calendar/getSchedule", Kind = FaultKind.Throttle, RetryAfterSeconds = 7, Count = 1 });
        var batch = new BatchRequestContentCollection(_client);
        var throttled = await batch.AddBatchRequestStepAsync(_client.Users[SandboxCompany.OrganizerMailbox].Calendar.GetSchedule
            .ToPostRequestInformation(Schedules(["qa.engineer@contoso.com"])));
        var fine = await batch.AddBatchRequestStepAsync(_client.Users["qa.engineer@contoso.com"].ToGetRequestInformation());

        var responses = await _client.Batch.PostAsync(batch);

        var codes = await responses.GetResponsesStatusCodesAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, codes[throttled]);
        Assert.Equal(HttpStatusCode.OK, codes[fine]);
        using var step = await responses.GetResponseByIdAsync(throttled);
        Assert.Equal(TimeSpan.FromSeconds(7), step.Headers.RetryAfter?.Delta);
    }
}
