using InterviewScheduler.Core.Configuration;
using InterviewScheduler.Functions.Applications;
using InterviewScheduler.Functions.Health;
using InterviewScheduler.Functions.Interviews;
using InterviewScheduler.Graph.Configuration;
using InterviewScheduler.Storage.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InterviewScheduler.Functions.Configuration;

/// <summary>
/// The service's registrations, shared by the Functions host and the DevHost so both run the same composition:
/// each project's own (Core, storage, Graph) and the functions' settings and start-up check. Every setting is
/// checked when the host starts: a missing or invalid one stops start-up with a message naming it.
/// </summary>
public static class InterviewSchedulerServices
{
    public static IServiceCollection AddInterviewScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddInterviewSchedulerCore();
        services.AddInterviewSchedulerStorage(configuration);
        services.AddInterviewSchedulerGraph();

        services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IntakeOptions>, IntakeOptionsValidator>();

        // What the booking routes share: the debrief placed after a booking.
        services.AddSingleton<DebriefPlacement>();

        // Run by whichever host starts the app, once it has started. Built on first use, by that host: a composition
        // without one (tests calling functions directly) has no lifetime to give it, and never asks for it.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<TeamsMeetingCheck>(sp));
        services.AddHostedService(sp => sp.GetRequiredService<TeamsMeetingCheck>());
        return services;
    }
}
