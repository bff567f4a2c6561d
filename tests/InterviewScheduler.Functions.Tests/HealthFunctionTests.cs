using InterviewScheduler.Functions.Health;
using InterviewScheduler.Sandbox.Seeding;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Mvc;

namespace InterviewScheduler.Functions.Tests;

public sealed class HealthFunctionTests
{
    [Fact]
    public async Task Answers_200_with_the_app_version()
    {
        await using var app = await TestApp.StartAsync();

        var result = await app.Function<HealthFunction>().Run(FunctionRequests.Get("/api/health"), CancellationToken.None);

        var ok = Assert.IsType<OkObjectResult>(result);
        var report = Assert.IsType<HealthFunction.HealthReport>(ok.Value);
        Assert.Equal("healthy", report.Status);
        Assert.StartsWith(typeof(HealthFunction).Assembly.GetName().Version!.ToString(3), report.Version, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deep_check_reports_an_organizer_calendar_without_teams_as_unhealthy()
    {
        await using var app = await TestApp.StartAsync();
        var deep = FunctionRequests.Get("/api/health", "?deep=true");

        var allowed = (ObjectResult)await app.Function<HealthFunction>().Run(deep, CancellationToken.None);
        app.Sandbox.Tenant.SetOnlineMeetingProviders(SandboxCompany.OrganizerMailbox);
        var refused = (ObjectResult)await app.Function<HealthFunction>().Run(FunctionRequests.Get("/api/health", "?deep=true"), CancellationToken.None);

        Assert.Equal(200, allowed.StatusCode ?? 200);
        Assert.Equal("allowed", Assert.IsType<HealthFunction.HealthReport>(allowed.Value).TeamsMeetings);
        Assert.Equal(503, refused.StatusCode);
        Assert.Equal("unhealthy", Assert.IsType<HealthFunction.HealthReport>(refused.Value).Status);
    }
}
