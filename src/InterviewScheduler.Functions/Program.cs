using InterviewScheduler.Functions.Configuration;
using InterviewScheduler.Functions.Http;
using InterviewScheduler.Functions.Telemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ProblemsMiddleware>();
builder.Services.AddInterviewScheduler(builder.Configuration);
builder.Services.AddInterviewSchedulerTelemetry(builder.Configuration);
await builder.Build().RunAsync();
