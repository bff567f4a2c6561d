using InterviewScheduler.Sandbox.Faults;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.SendMail;

namespace InterviewScheduler.Sandbox.Tests.Faults;

/// <summary>Faults go through the SDK's real retry handler; each test owns an empty tenant.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private const string Sender = "recruiting@contoso.com";
    private SandboxServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await Graph.EmptyTenantAsync();
        _server.Tenant.AddUser(Sender, "Contoso Recruiting", "Europe/London");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static SendMailPostRequestBody Mail() => new()
    {
        Message = new Message
        {
            Subject = "Thanks for applying",
            Body = new ItemBody { ContentType = BodyType.Text, Content = "We received your application." },
            ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = "ada@example.com" } }],
        },
        SaveToSentItems = true,
    };

    [Fact]
    public async Task Throttled_first_request_is_retried_by_the_SDK_after_Retry_After_and_succeeds()
    {
        _server.Tenant.AddFault(new FaultRule { PathPattern = "*/sendMail", Kind = FaultKind.Throttle, RetryAfterSeconds = 1, Count = 1 });

        await Graph.For(_server).Users[Sender].SendMail.PostAsync(Mail());

        var log = _server.Tenant.RequestLog;
        Assert.Equal([429, 202], log.Select(r => r.Status));
        Assert.Equal(log[0].RequestBodyBytes, log[1].RequestBodyBytes);
        Assert.Single(_server.Tenant.SentMail());
        Assert.Empty(_server.Tenant.Faults);
    }

    [Fact]
    public async Task Unavailable_first_request_is_retried_by_the_SDK_and_succeeds()
    {
        _server.Tenant.AddFault(new FaultRule { PathPattern = "/users/*", Method = "GET", Kind = FaultKind.Unavailable, RetryAfterSeconds = 1, Count = 1 });

        var user = await Graph.For(_server).Users[Sender].GetAsync();

        Assert.Equal("Contoso Recruiting", user?.DisplayName);
        Assert.Equal([503, 200], _server.Tenant.RequestLog.Select(r => r.Status));
    }

    [Fact]
    public async Task Latency_rule_delays_the_answer()
    {
        _server.Tenant.AddFault(new FaultRule { PathPattern = "*", Kind = FaultKind.Latency, LatencyMilliseconds = 300, Count = 1 });

        await Graph.For(_server).Users[Sender].GetAsync();

        Assert.True(_server.Tenant.RequestLog.Single().Duration >= TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task Rate_zero_never_fires_and_rate_one_always_fires()
    {
        _server.Tenant.AddFault(new FaultRule { PathPattern = "/users/*", Kind = FaultKind.Unavailable, RetryAfterSeconds = null, Rate = 0 });
        await Graph.For(_server).Users[Sender].GetAsync();
        Assert.Equal([200], _server.Tenant.RequestLog.Select(r => r.Status));

        _server.Tenant.ClearFaults();
        _server.Tenant.AddFault(new FaultRule { PathPattern = "/users/*", Kind = FaultKind.Throttle, RetryAfterSeconds = 0, Count = 2, Rate = 1 });
        await Graph.For(_server).Users[Sender].GetAsync();
        Assert.Equal([200, 429, 429, 200], _server.Tenant.RequestLog.Select(r => r.Status));
    }
}
