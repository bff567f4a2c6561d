using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Applications.Acknowledgments;
using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Core.Privacy;
using InterviewScheduler.Core.SelfScheduling;
using InterviewScheduler.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InterviewScheduler.Core.Configuration;

/// <summary>
/// Core's registrations: its settings, each bound from its section and checked when the host starts, and the use
/// cases. The ports the use cases need (stores, queues, Graph) are registered by the storage and Graph projects.
/// </summary>
public static class CoreServices
{
    public static IServiceCollection AddInterviewSchedulerCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);

        // Recorded whichever host runs the functions; exported only where telemetry is configured.
        services.AddMetrics();
        services.AddSingleton<HiringMetrics>();
        AddSettings(services);

        // Applications and their acknowledgments.
        services.AddSingleton<AcknowledgmentTemplate>();
        services.AddSingleton<AcknowledgmentSender>();
        services.AddSingleton<ApplicationIntake>();
        services.AddSingleton<AcknowledgmentSweep>();

        // Interviews: options and booking.
        services.AddSingleton<InterviewPlanner>();
        services.AddSingleton<InterviewGuide>();
        services.AddSingleton<CandidateInvite>();
        services.AddSingleton<InterviewBooking>();

        // Self-scheduling: the candidate picks the time through a signed link.
        services.AddSingleton<OfferLetter>();
        services.AddSingleton<SelfSchedulingOffers>();
        services.AddSingleton<SelfSchedulingPicks>();

        // Debriefs: placed after the last interview and kept there as the calendar changes.
        services.AddSingleton<DebriefScheduler>();
        services.AddSingleton<InterviewSync>();
        services.AddSingleton<InterviewCancellation>();
        services.AddSingleton<CalendarWatch>();

        // Privacy: erasure on request, and after the retention period.
        services.AddSingleton<ApplicationErasure>();
        services.AddSingleton<RetentionSweep>();
        return services;
    }

    private static void AddSettings(IServiceCollection services)
    {
        AddSettings<MailOptions, MailOptionsValidator>(services, MailOptions.SectionName);
        AddSettings<SchedulingOptions, SchedulingOptionsValidator>(services, SchedulingOptions.SectionName);
        AddSettings<DebriefOptions, DebriefOptionsValidator>(services, DebriefOptions.SectionName);
        AddSettings<NotificationOptions, NotificationOptionsValidator>(services, NotificationOptions.SectionName);
        AddSettings<SelfSchedulingOptions, SelfSchedulingOptionsValidator>(services, SelfSchedulingOptions.SectionName);
        AddSettings<PrivacyOptions, PrivacyOptionsValidator>(services, PrivacyOptions.SectionName);
        AddSettings<IntakeLimits, IntakeLimitsValidator>(services, IntakeLimits.SectionName)
            .PostConfigure<IConfiguration>((limits, configuration) =>
            {
                // By default a recruiter must be in the tenant: the domains of the mailboxes the service itself uses.
                // Read as configured, not through their options, so that a missing mailbox is reported once, by its own check.
                if (limits.RecruiterDomainList.Count > 0) return;
                string[] mailboxes =
                [
                    ConfigurationPath.Combine(MailOptions.SectionName, nameof(MailOptions.SenderMailbox)),
                    ConfigurationPath.Combine(SchedulingOptions.SectionName, nameof(SchedulingOptions.OrganizerMailbox)),
                    ConfigurationPath.Combine(DebriefOptions.SectionName, nameof(DebriefOptions.RecruiterMailbox)),
                ];
                limits.RecruiterDomains = string.Join(',', mailboxes.Select(key => IntakeLimits.DomainOf(configuration[key])).OfType<string>().Distinct(StringComparer.Ordinal));
            });
    }

    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="sectionName"/>, checks it with its validator when the
    /// host starts, and gives the use cases the checked value itself.
    /// </summary>
    private static OptionsBuilder<TOptions> AddSettings<TOptions, TValidator>(IServiceCollection services, string sectionName)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
        return services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateOnStart();
    }
}
