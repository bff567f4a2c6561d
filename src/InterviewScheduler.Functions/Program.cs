using InterviewScheduler.Functions.Configuration;
using InterviewScheduler.Functions.Health;
using InterviewScheduler.Functions.Http;
using InterviewScheduler.Functions.Telemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ProblemsMiddleware>();
builder.Services.AddInterviewScheduler(builder.Configuration);
TeamsMeetingCheck.AddTeamsMeetingCheck(builder.Services);
builder.Services.AddInterviewSchedulerTelemetry(builder.Configuration);
await builder.Build().RunAsync();
