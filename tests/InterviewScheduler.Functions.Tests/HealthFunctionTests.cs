using InterviewScheduler.Functions.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InterviewScheduler.Functions.Tests;

public sealed class HealthFunctionTests
{
    [Fact]
    public void Answers_200_with_the_app_version()
    {
        var request = new DefaultHttpContext().Request;

        var result = new HealthFunction().Run(request);

        var ok = Assert.IsType<OkObjectResult>(result);
        var report = Assert.IsType<HealthFunction.HealthReport>(ok.Value);
        Assert.Equal("healthy", report.Status);
        Assert.StartsWith(typeof(HealthFunction).Assembly.GetName().Version!.ToString(3), report.Version, StringComparison.Ordinal);
    }
}
