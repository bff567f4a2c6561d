using InterviewScheduler.Core.SelfScheduling;
using InterviewScheduler.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InterviewScheduler.Functions.SelfScheduling;

/// <summary>
/// The answers to a link that cannot be used, in the candidate's words, each with a <c>reason</c> the page reads:
/// <c>invalid</c> (403), <c>expired</c> or <c>used</c> (410). None of them books or sends anything.
/// </summary>
public static class SelfSchedulingProblems
{
    /// <summary>The header the link's token travels in, so that it stays out of URLs and server logs.</summary>
    public const string LinkHeader = "X-Scheduling-Link";

    /// <summary>The answer for a link that is not open; null for an open one.</summary>
    public static ObjectResult? ForLink(LinkCheck check, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(check);
        return check.State switch
        {
            LinkState.Open => null,
            LinkState.Expired => Problems.Status(
                StatusCodes.Status410Gone,
                "This link has expired.",
                "The time to pick with it has run out. Reply to the email and we will send you a new one.",
                new Dictionary<string, object?> { ["reason"] = "expired", ["expiresAt"] = check.Offer!.ExpiresAt }),
            LinkState.Used => Used(check, zone),
            LinkState.NotConfigured => NotConfigured(),
            _ => Problems.Status(
                StatusCodes.Status403Forbidden,
                "This link is not valid.",
                "It may be incomplete or changed, or a newer email replaced it. Use the link in the latest email, or reply to it.",
                new Dictionary<string, object?> { ["reason"] = "invalid" }),
        };
    }

    /// <summary>A link already used: 410, with the time its pick booked when it is known.</summary>
    public static ObjectResult Used(LinkCheck check, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(check);
        var extensions = new Dictionary<string, object?> { ["reason"] = "used" };
        if (check.Booked.Count > 0)
        {
            extensions["interview"] = CandidateTimeView.From(new(check.Booked.Min(i => i.Time.Start), check.Booked.Max(i => i.Time.End)), zone);
        }

        return Problems.Status(StatusCodes.Status410Gone, "This link was used.", "A time was already picked with it, and the invitation was sent to your calendar.", extensions);
    }

    /// <summary>The feature is off: no signing key.</summary>
    public static ObjectResult NotConfigured() =>
        Problems.Status(StatusCodes.Status503ServiceUnavailable, "Self-scheduling is not available.", "SelfScheduling:SigningKey is not set.");
}
