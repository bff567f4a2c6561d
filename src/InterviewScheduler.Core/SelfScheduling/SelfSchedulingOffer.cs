using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using InterviewScheduler.Core.Interviews;

namespace InterviewScheduler.Core.SelfScheduling;

/// <summary>
/// A recruiter's offer to let the candidate pick the time of a panel or loop, kept on the application (one at a
/// time: a new offer replaces the last, and the old link stops working). Immutable.
/// </summary>
/// <param name="OfferId">Service-assigned id (32 hex digits); the link names it, and the booking's idempotency key derives from it.</param>
/// <param name="RequestKey">What makes a repeated recruiter request the same offer: its Idempotency-Key, else a hash of its body.</param>
/// <param name="Panel">The panel or loop offered, validated, without a start.</param>
/// <param name="OfferedAt">When the offer was made (UTC).</param>
/// <param name="ExpiresAt">When the link stops working (UTC, whole seconds): the link carries it and its signature covers it.</param>
/// <param name="Email">The email that carries the link.</param>
public sealed record SelfSchedulingOffer(string OfferId, string RequestKey, PanelRequest Panel, DateTimeOffset OfferedAt, DateTimeOffset ExpiresAt, OfferEmail Email)
{
    /// <summary>When the candidate's pick was booked (UTC); null until then.</summary>
    public DateTimeOffset? PickedAt { get; init; }

    /// <summary>The start that was booked (UTC): the same pick again answers the same, any other is refused.</summary>
    public DateTimeOffset? PickedStart { get; init; }

    /// <summary>From the offer to the pick; null until picked.</summary>
    public TimeSpan? TimeToPick => PickedAt - OfferedAt;

    /// <summary>The booking's idempotency key: every pick of one offer is one booking, so a link books at most once.</summary>
    public string BookingKey => "self-scheduling-" + OfferId;

    /// <summary>Picked once booked; otherwise offered until <see cref="ExpiresAt"/> (exclusive), then expired.</summary>
    public SelfSchedulingStatus StatusAt(DateTimeOffset now) =>
        PickedAt is not null ? SelfSchedulingStatus.Picked : now < ExpiresAt ? SelfSchedulingStatus.Offered : SelfSchedulingStatus.Expired;

    /// <summary>
    /// A hash of everything the panel offers (sessions, interviewers, window, the candidate's times, how many
    /// options), in a fixed text form: the link's signature covers it, so a link never books a panel it was not made for.
    /// </summary>
    public static string PanelHash(PanelRequest panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var text = new StringBuilder();
        foreach (var session in panel.Sessions)
        {
            text.Append(CultureInfo.InvariantCulture, $"session|{session.Title}|{session.Duration.Ticks}|{session.MinimumOptional}\n");
            foreach (var interviewer in session.Interviewers) text.Append(CultureInfo.InvariantCulture, $"interviewer|{interviewer.Email.ToUpperInvariant()}|{interviewer.Optional}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"window|{panel.Window.Start.UtcTicks}|{panel.Window.End.UtcTicks}\n");
        foreach (var range in panel.CandidateAvailability) text.Append(CultureInfo.InvariantCulture, $"candidate|{range.Start.UtcTicks}|{range.End.UtcTicks}\n");
        text.Append(CultureInfo.InvariantCulture, $"options|{panel.MaxOptions}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
