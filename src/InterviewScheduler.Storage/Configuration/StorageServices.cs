using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Applications.Acknowledgments;
using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Storage.Applications;
using InterviewScheduler.Storage.Connection;
using InterviewScheduler.Storage.Debriefs;
using InterviewScheduler.Storage.Pacing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewScheduler.Storage.Configuration;

/// <summary>The storage project's registrations: Core's stores, queues and pacing on Azure Tables and Queues.</summary>
public static class StorageServices
{
    /// <param name="services">The app's services; they need Core's settings (<c>AddInterviewSchedulerCore</c>).</param>
    /// <param name="configuration">
    /// Read now for <see cref="StorageAccount.SettingName"/> (which throws naming it when it is missing) and
    /// <c>Storage:NamePrefix</c>.
    /// </param>
    public static IServiceCollection AddInterviewSchedulerStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Read eagerly: without storage nothing works, so fail before the host starts listening.
        services.AddSingleton(StorageAccount.FromConfiguration(configuration));
        services.AddSingleton(new StorageNames(configuration["Storage:NamePrefix"] ?? ""));

        // Applications, their interviews and acknowledgments.
        services.AddSingleton<TableApplicationStore>();
        services.AddSingleton<IApplicationStore>(sp => sp.GetRequiredService<TableApplicationStore>());
        services.AddSingleton<IInterviewStore>(sp => sp.GetRequiredService<TableApplicationStore>());
        services.AddSingleton<IAcknowledgmentQueue, StorageAcknowledgmentQueue>();
        services.AddSingleton<ISendPacer, TableSendPacer>();
        services.AddSingleton<IRecipientAllowance, TableRecipientAllowance>();

        // Debriefs and the calendar watch.
        services.AddSingleton<IDebriefStore, TableDebriefStore>();
        services.AddSingleton<ICalendarWriteClaims, TableCalendarWriteClaims>();
        services.AddSingleton<TableCalendarState>();
        services.AddSingleton<IEventIndex>(sp => sp.GetRequiredService<TableCalendarState>());
        services.AddSingleton<ICalendarWatchState>(sp => sp.GetRequiredService<TableCalendarState>());
        services.AddSingleton<StorageCalendarChangeQueue>();
        return services;
    }
}
