using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Templates;

namespace InterviewScheduler.Core.Interviews;

/// <summary>
/// The body of an interview event: a guide in the shape of a good interview (the company and the role, the
/// candidate's experience probed with follow-up questions, the candidate's questions, logistics, next steps),
/// from a Liquid template: the built-in one or <see cref="SchedulingOptions.TemplateDirectory"/>'s. Values are
/// HTML-encoded. Variables: <c>candidate_name</c>, <c>role_title</c>, <c>company</c>, <c>session_title</c>,
/// <c>duration_minutes</c>, <c>application_url</c>, and <c>agenda</c> (items with <c>topic</c>, <c>minutes</c>).
/// </summary>
public sealed class InterviewGuide
{
    private readonly IFluidTemplate _template;
    private readonly SchedulingOptions _options;

    public InterviewGuide(SchedulingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _template = LiquidTemplates.Load("interview-guide.html.liquid", options.TemplateDirectory);
    }

    /// <summary>
    /// The agenda for an interview of <paramref name="duration"/>: the 45-minute shape (5, 20, 10, 5 minutes and
    /// next steps) scaled to the time there is.
    /// </summary>
    public static IReadOnlyList<(string Topic, int Minutes)> Agenda(TimeSpan duration)
    {
        (string Topic, double Share)[] shape =
        [
            ("The company and the role", 5 / 45.0),
            ("The candidate's experience, probed with follow-up questions", 20 / 45.0),
            ("The candidate's questions", 10 / 45.0),
            ("Logistics: risk tolerance, compensation expectations, possible start date", 5 / 45.0),
            ("Next steps", 5 / 45.0),
        ];
        return [.. shape.Select(s => (s.Topic, (int)Math.Max(1, Math.Round(duration.TotalMinutes * s.Share))))];
    }

    public string Render(JobApplication application, SessionRequest session)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(session);
        var context = new TemplateContext();
        context.SetValue("candidate_name", application.Candidate.Name);
        context.SetValue("role_title", application.Role.Title);
        context.SetValue("company", _options.CompanyName);
        context.SetValue("session_title", session.Title);
        context.SetValue("duration_minutes", (int)session.Duration.TotalMinutes);
        context.SetValue("application_url", ApplicationLink(application.Id));
        context.SetValue("agenda", Agenda(session.Duration).Select(a => new Dictionary<string, object> { ["topic"] = a.Topic, ["minutes"] = a.Minutes }).ToList());
        return _template.Render(context, HtmlEncoder.Default);
    }

    private string ApplicationLink(string applicationId) =>
        string.IsNullOrWhiteSpace(_options.ApplicationLinkTemplate)
            ? $"/api/applications/{applicationId}"
            : _options.ApplicationLinkTemplate.Replace("{applicationId}", Uri.EscapeDataString(applicationId), StringComparison.Ordinal);
}
