using InterviewScheduler.Core.Applications.Acknowledgments;
using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Core.Telemetry;
using InterviewScheduler.Graph.Calendar;
using InterviewScheduler.Graph.Connection;
using InterviewScheduler.Graph.Directory;
using InterviewScheduler.Graph.Mail;
using InterviewScheduler.Graph.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InterviewScheduler.Graph.Configuration;

/// <summary>
/// The Graph project's registrations: its settings (section <c>Graph</c>, checked when the host starts), the one
/// Graph client, and Core's mail, calendar and subscription ports on it.
/// </summary>
public static class GraphServices
{
    /// <param name="services">The app's services; they need Core's settings and metrics (<c>AddInterviewSchedulerCore</c>).</param>
    public static IServiceCollection AddInterviewSchedulerGraph(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>();
        services.AddSingleton(sp => GraphServiceClientFactory.Create(
            sp.GetRequiredService<IOptions<GraphOptions>>().Value,
            throttled: sp.GetRequiredService<HiringMetrics>().GraphThrottled));

        services.AddSingleton<IAcknowledgmentMailer, GraphAcknowledgmentMailer>();
        services.AddSingleton<IFreeBusyDirectory, GraphFreeBusyDirectory>();
        services.AddSingleton<IPeopleDirectory, GraphPeopleDirectory>();
        services.AddSingleton<ICalendarBooker, GraphCalendarBooker>();
        services.AddSingleton<ICalendarSubscriptions, GraphCalendarSubscriptions>();
        services.AddSingleton<ICalendarChangeFeed, GraphCalendarChangeFeed>();
        return services;
    }
}
