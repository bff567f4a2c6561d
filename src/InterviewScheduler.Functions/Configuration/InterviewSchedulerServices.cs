using InterviewScheduler.Graph.Connection;
using InterviewScheduler.Storage.Connection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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

        services.AddSingleton(TimeProvider.System);

        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName)
            .Validate(o => o.Problems().Count == 0, "invalid Graph settings")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidation>();
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName)
            .Validate(o => IsMailbox(o.SenderMailbox), "Missing or invalid setting Mail:SenderMailbox: the mailbox acknowledgments are sent from.")
            .ValidateOnStart();
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName)
            .Validate(o => IsMailbox(o.OrganizerMailbox), "Missing or invalid setting Scheduling:OrganizerMailbox: the mailbox that organizes interview events.")
            .ValidateOnStart();

        // Read eagerly: without storage nothing works, so fail before the host starts listening.
        services.AddSingleton(StorageAccount.FromConfiguration(configuration));
        services.AddSingleton(sp => GraphServiceClientFactory.Create(sp.GetRequiredService<IOptions<GraphOptions>>().Value));
        return services;
    }

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
