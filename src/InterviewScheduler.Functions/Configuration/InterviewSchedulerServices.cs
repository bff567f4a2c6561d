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
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidation>();
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName)
            .Validate(o => IsMailbox(o.SenderMailbox), "Missing or invalid setting Mail:SenderMailbox: the mailbox acknowledgments are sent from.")
            .Validate(o => o.SenderMailboxes.All(IsMailbox), "Mail:SenderMailboxes lists something that is not a mailbox address.")
            .Validate(o => o.MessagesPerMinute >= 0, "Mail:MessagesPerMinute must be 0 (unpaced) or more.")
            .Validate(o => o.RecipientsPerDay >= 1, "Mail:RecipientsPerDay must be at least 1.")
            .Validate(o => o.ConcurrentRequestsPerMailbox >= 0, "Mail:ConcurrentRequestsPerMailbox must be 0 (unlimited) or more.")
            .Validate(o => o.RequestTimeoutSeconds is >= 1 and <= 300, "Mail:RequestTimeoutSeconds must be between 1 and 300.")
            .Validate(o => o.RetryHorizonHours is > 0 and <= 168, "Mail:RetryHorizonHours must be more than 0 and at most 168 (a week).")
            .Validate(o => string.IsNullOrWhiteSpace(o.TemplateDirectory) || Directory.Exists(o.TemplateDirectory), "Mail:TemplateDirectory names a folder that does not exist.")
            .ValidateOnStart();
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName)
            .Validate(o => IsMailbox(o.OrganizerMailbox), "Missing or invalid setting Scheduling:OrganizerMailbox: the mailbox that organizes interview events.")
            .Validate(o => o.MinimumNoticeMinutes >= 0, "Scheduling:MinimumNoticeMinutes must not be negative.")
            .Validate(o => string.IsNullOrWhiteSpace(o.TemplateDirectory) || Directory.Exists(o.TemplateDirectory), "Scheduling:TemplateDirectory names a folder that does not exist.")
            .ValidateOnStart();
        services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.SectionName)
            .Validate(o => string.IsNullOrEmpty(o.Greenhouse.SecretKey) || o.Greenhouse.SecretKey.Trim().Length >= GreenhouseOptions.MinSecretKeyLength,
                $"Intake:Greenhouse:SecretKey must be at least {GreenhouseOptions.MinSecretKeyLength} characters: enter a long random key in Greenhouse and here.")
            .ValidateOnStart();
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
            .Validate(o => o.MaxPerRecipientPerDay is >= 1 and <= 1000, "Intake:MaxPerRecipientPerDay must be between 1 and 1000.")
            .Validate(o => o.RecruiterDomainList.All(IsDomain), "Intake:RecruiterDomains must be domain names separated by commas, e.g. contoso.com,fabrikam.com.")
            .ValidateOnStart();
        services.AddOptions<DebriefOptions>().BindConfiguration(DebriefOptions.SectionName)
            .Validate(o => o.DurationMinutes is >= 5 and <= 240, "Debrief:DurationMinutes must be between 5 and 240.")
            .Validate(o => o.GapMinutes is >= 0 and <= 240, "Debrief:GapMinutes must be between 0 and 240.")
            .Validate(o => o.SearchHours is >= 0 and <= 12, "Debrief:SearchHours must be between 0 and 12.")
            .Validate(o => string.IsNullOrWhiteSpace(o.RecruiterMailbox) || IsMailbox(o.RecruiterMailbox), "Debrief:RecruiterMailbox is not a mailbox address.")
            .Validate(o => o.ReconcileSchedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is 5 or 6, "Missing or invalid setting Debrief:ReconcileSchedule: an NCRONTAB schedule such as '0 */15 * * * *'.")
            .ValidateOnStart();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName)
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicUrl) || (Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.IsLoopback)), "Notifications:PublicUrl must be an absolute https URL.")
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicUrl) || o.ClientState.Length >= 16, "Notifications:ClientState (at least 16 characters) is required when Notifications:PublicUrl is set.")
            .ValidateOnStart();
    }

    private static bool IsDomain(string value) =>
        Uri.CheckHostName(value) == UriHostNameType.Dns && value.Contains('.', StringComparison.Ordinal);

    private static bool IsMailbox(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < value.Length - 1;

    /// <summary>Reports each Graph setting problem by name rather than one generic failure.</summary>
    private sealed class GraphOptionsValidation : IValidateOptions<GraphOptions>
    {
        public ValidateOptionsResult Validate(string? name, GraphOptions options)
        {
            var problems = options.Problems();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
