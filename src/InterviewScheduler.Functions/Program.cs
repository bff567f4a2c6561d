using InterviewScheduler.Functions.Configuration;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddInterviewScheduler(builder.Configuration);
await builder.Build().RunAsync();
