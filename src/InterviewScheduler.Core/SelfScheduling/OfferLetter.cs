using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Applications.Acknowledgments;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Core.Templates;
using InterviewScheduler.Core.TimeZones;

namespace InterviewScheduler.Core.SelfScheduling;

/// <summary>
/// The email that brings the candidate their self-scheduling link: what the interview will look like (the sessions'
/// titles and lengths, never an interviewer), the link, and until when it works, in the candidate's zone (UTC when
/// unknown). From a Liquid template: the built-in one or <see cref="SchedulingOptions.TemplateDirectory"/>'s
/// <c>self-scheduling-offer.html.liquid</c>. Values are HTML-encoded. Variables: <c>first_name</c>, <c>role_title</c>,
/// <c>company</c>, <c>link</c>, <c>expires_at</c> (text), <c>sessions</c> (items with <c>title</c>, <c>minutes</c>).
/// </summary>
public sealed class OfferLetter
{
    private readonly IFluidTemplate _template;
    private readonly SchedulingOptions _options;

    public OfferLetter(SchedulingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        // Optional in a template folder: one made for the guide alone keeps the built-in letter.
        _template = LiquidTemplates.Load("self-scheduling-offer.html.liquid", options.TemplateDirectory, required: false);
    }

    public AcknowledgmentLetter Render(JobApplication application, SelfSchedulingOffer offer, Uri link)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(link);
        var context = new TemplateContext();
        context.SetValue("first_name", application.Candidate.FirstName);
        context.SetValue("role_title", application.Role.Title);
        context.SetValue("company", _options.CompanyName);
        context.SetValue("link", link.AbsoluteUri);
        context.SetValue("expires_at", ExpiryText(offer.ExpiresAt, application.Candidate.TimeZone));
        context.SetValue("sessions", offer.Panel.Sessions.Select(s => new Dictionary<string, object> { ["title"] = s.Title, ["minutes"] = (int)s.Duration.TotalMinutes }).ToList());
        return new AcknowledgmentLetter(
            application.Candidate.Email,
            application.Candidate.Name,
            $"Pick a time for your interview with {_options.CompanyName}: {application.Role.Title}",
            _template.Render(context, HtmlEncoder.Default));
    }

    /// <summary>e.g. <c>Thursday 19 November 2026 at 08:00 (Europe/London)</c>: the candidate's zone, else UTC.</summary>
    public static string ExpiryText(DateTimeOffset expiresAt, string? timeZone)
    {
        var known = TimeZoneResolver.TryResolve(timeZone, out var zone);
        var local = TimeZoneInfo.ConvertTime(expiresAt, zone);
        return local.ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture) + $" ({(known ? timeZone!.Trim() : "UTC")})";
    }
}
