using System.Text.Encodings.Web;
using Fluid;
using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Templates;

namespace InterviewScheduler.Core.Interviews;

/// <summary>
/// The body of the candidate's own invite to a session: what the time will look like and how to join, in the
/// candidate's words; never the interview guide, the interviewers' addresses or an internal link. From a Liquid
/// template: the built-in one or <see cref="SchedulingOptions.TemplateDirectory"/>'s
/// <c>candidate-invite.html.liquid</c>. Values are HTML-encoded. Variables: <c>first_name</c>, <c>role_title</c>,
/// <c>company</c>, <c>session_title</c>, <c>duration_minutes</c>, <c>join_url</c>.
/// </summary>
public sealed class CandidateInvite
{
    private readonly IFluidTemplate _template;
    private readonly SchedulingOptions _options;

    public CandidateInvite(SchedulingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        // Optional in a template folder: one made for the guide alone keeps the built-in candidate invite.
        _template = LiquidTemplates.Load("candidate-invite.html.liquid", options.TemplateDirectory, required: false);
    }

    /// <summary>The subject the candidate sees: the role and the company, nothing internal.</summary>
    public string Subject(JobApplication application, SessionRequest session, int sessions)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(session);
        return $"Interview with {_options.CompanyName}: {application.Role.Title}" + (sessions > 1 ? $" ({session.Title})" : "");
    }

    public string Render(JobApplication application, SessionRequest session, string? joinUrl)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(session);
        var context = LiquidTemplates.CandidateContext(application, _options.CompanyName);
        context.SetValue("session_title", session.Title);
        context.SetValue("duration_minutes", (int)session.Duration.TotalMinutes);
        context.SetValue("join_url", joinUrl ?? "");
        return _template.Render(context, HtmlEncoder.Default);
    }
}
