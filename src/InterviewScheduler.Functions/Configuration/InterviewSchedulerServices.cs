using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Applications.Acknowledgments;
using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Core.Telemetry;
using InterviewScheduler.Functions.Applications;
using InterviewScheduler.Functions.Applications.Greenhouse;
using InterviewScheduler.Graph.Calendar;
using InterviewScheduler.Graph.Connection;
using InterviewScheduler.Graph.Mail;
using InterviewScheduler.Graph.Subscriptions;
using InterviewScheduler.Storage.Applications;
using InterviewScheduler.Storage.Connection;
using InterviewScheduler.Storage.Debriefs;
using InterviewScheduler.Storage.Pacing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InterviewScheduler.Functions.Configuration;

/// <summary>
/// The service's registrations, shared by the Functions host and the DevHost so both run the same composition.
/// Every setting is checked when the host starts: a missing one stops start-up with a message naming it.
/// </summary>
public static class InterviewSchedulerServices
{
    public static IServiceCollection AddInterviewScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);

        // Recorded whichever host runs the functions; exported only where telemetry is configured.
        services.AddMetrics();
        services.AddSingleton<HiringMetrics>();
        AddSettings(services, configuration);

        // Read eagerly: without storage nothing works, so fail before the host starts listening.
        services.AddSingleton(StorageAccount.FromConfiguration(configuration));
        services.AddSingleton(new StorageNames(configuration["Storage:NamePrefix"] ?? ""));
        services.AddSingleton(sp => GraphServiceClientFactory.Create(
            sp.GetRequiredService<IOptions<GraphOptions>>().Value,
            throttled: sp.GetRequiredService<HiringMetrics>().GraphThrottled));

        // Applications and their acknowledgments.
        services.AddSingleton<TableApplicationStore>();
        services.AddSingleton<IApplicationStore>(sp => sp.GetRequiredService<TableApplicationStore>());
        services.AddSingleton<IInterviewStore>(sp => sp.GetRequiredService<TableApplicationStore>());
        services.AddSingleton<IAcknowledgmentQueue, StorageAcknowledgmentQueue>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value);
        services.AddSingleton<ISendPacer, TableSendPacer>();
        services.AddSingleton<IAcknowledgmentMailer, GraphAcknowledgmentMailer>();
        services.AddSingleton(sp => new AcknowledgmentTemplate(sp.GetRequiredService<IOptions<MailOptions>>().Value));
        services.AddSingleton<AcknowledgmentSender>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<IntakeLimits>>().Value);
        services.AddSingleton<IRecipientAllowance, TableRecipientAllowance>();
        services.AddSingleton<ApplicationIntake>();
        services.AddSingleton<AcknowledgmentSweep>();

        // Interviews: free/busy, options and booking.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SchedulingOptions>>().Value);
        services.AddSingleton<IFreeBusyDirectory, GraphFreeBusyDirectory>();
        services.AddSingleton<ICalendarBooker, GraphCalendarBooker>();
        services.AddSingleton<InterviewPlanner>();
        services.AddSingleton<InterviewGuide>();
        services.AddSingleton<CandidateInvite>();
        services.AddSingleton<InterviewBooking>();

        // Debriefs: placed after the last interview and kept there as the calendar changes.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DebriefOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<NotificationOptions>>().Value);
        services.AddSingleton<IDebriefStore, TableDebriefStore>();
        services.AddSingleton<TableCalendarState>();
        services.AddSingleton<IEventIndex>(sp => sp.GetRequiredService<TableCalendarState>());
        services.AddSingleton<ICalendarWatchState>(sp => sp.GetRequiredService<TableCalendarState>());
        services.AddSingleton<StorageCalendarChangeQueue>();
        services.AddSingleton<ICalendarSubscriptions, GraphCalendarSubscriptions>();
        services.AddSingleton<ICalendarChangeFeed, GraphCalendarChangeFeed>();
        services.AddSingleton<DebriefScheduler>();
        services.AddSingleton<InterviewSync>();
        services.AddSingleton<CalendarWatch>();
        return services;
    }

    private static void AddSettings(IServiceCollection services, IConfiguration configuration)
    {
        // Each options type states its rules as attributes; its [OptionsValidator] checks them when the host starts.
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>();
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidator>();
        services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IntakeOptions>, IntakeOptionsValidator>();
        services.AddOptions<IntakeLimits>().BindConfiguration(IntakeLimits.SectionName)
            .PostConfigure(limits =>
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
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<IntakeLimits>, IntakeLimitsValidator>();
        services.AddOptions<DebriefOptions>().BindConfiguration(DebriefOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DebriefOptions>, DebriefOptionsValidator>();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
    }
}
