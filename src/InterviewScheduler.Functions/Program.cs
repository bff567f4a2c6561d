using InterviewScheduler.Functions.Configuration;
using InterviewScheduler.Functions.Telemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddInterviewScheduler(builder.Configuration);
builder.Services.AddInterviewSchedulerTelemetry(builder.Configuration);
await builder.Build().RunAsync();
