using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using InterviewScheduler.Core.Templates;
using InterviewScheduler.Core.TimeZones;

namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>
/// Renders the acknowledgment letter from a Liquid template: the built-in one (embedded next to this file)
/// or the one in <see cref="MailOptions.TemplateDirectory"/>. Values are HTML-encoded.
/// Template variables: <c>first_name</c>, <c>role_title</c>, <c>company</c>, <c>reply_by</c> (a date as text),
/// <c>reply_within_days</c>.
/// </summary>
public sealed class AcknowledgmentTemplate
{

    private readonly IFluidTemplate _html;
    private readonly MailOptions _options;

    public AcknowledgmentTemplate(MailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _html = LiquidTemplates.Load("acknowledgment.html.liquid", options.TemplateDirectory);
    }

    public AcknowledgmentLetter Render(JobApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var replyBy = ReplyBy(application.ReceivedAt, application.Candidate.TimeZone, _options.ReplyWithinBusinessDays);
        var context = LiquidTemplates.CandidateContext(application, _options.CompanyName);
        context.SetValue("reply_by", replyBy.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture));
        context.SetValue("reply_within_days", _options.ReplyWithinBusinessDays);

        return new AcknowledgmentLetter(
            application.Candidate.Email,
            application.Candidate.Name,
            $"Thank you for applying: {application.Role.Title}",
            _html.Render(context, HtmlEncoder.Default));
    }

    /// <summary>
    /// The day by which the candidate will hear back: <paramref name="businessDays"/> weekdays after the day the
    /// application arrived, counted in the candidate's zone (UTC when unknown).
    /// </summary>
    public static DateOnly ReplyBy(DateTimeOffset receivedAt, string? timeZone, int businessDays)
    {
        var zone = TimeZoneResolver.TryResolve(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(receivedAt, zone).DateTime);
        for (var added = 0; added < businessDays;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) added++;
        }

        return day;
    }
}
