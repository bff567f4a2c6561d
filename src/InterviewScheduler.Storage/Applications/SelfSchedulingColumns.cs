using Azure.Data.Tables;
using InterviewScheduler.Core.Availability;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Core.SelfScheduling;

namespace InterviewScheduler.Storage.Applications;

/// <summary>
/// An application's self-scheduling offer in its row, as JSON in columns <c>SelfScheduling</c>, <c>SelfScheduling1</c>, ...
/// (<see cref="JsonColumns"/>): the panel it offers can hold a loop of hundreds of interviewers.
/// </summary>
internal static class SelfSchedulingColumns
{
    private const string Name = "SelfScheduling";

    public static void Write(TableEntity entity, SelfSchedulingOffer? offer) =>
        JsonColumns.Write(entity, Name, offer is null ? null : OfferRow.From(offer));

    public static SelfSchedulingOffer? Read(TableEntity entity) => JsonColumns.Read<OfferRow>(entity, Name)?.ToOffer();

    // The stored shape, apart from Core's types so that either can change without the other. Times are UTC.
    private sealed record OfferRow(
        string Id,
        string RequestKey,
        PanelRow Panel,
        DateTimeOffset OfferedAt,
        DateTimeOffset ExpiresAt,
        DateTimeOffset? PickedAt,
        DateTimeOffset? PickedStart,
        EmailRow Email)
    {
        public static OfferRow From(SelfSchedulingOffer offer) => new(
            offer.OfferId,
            offer.RequestKey,
            PanelRow.From(offer.Panel),
            offer.OfferedAt.ToUniversalTime(),
            offer.ExpiresAt.ToUniversalTime(),
            offer.PickedAt?.ToUniversalTime(),
            offer.PickedStart?.ToUniversalTime(),
            EmailRow.From(offer.Email));

        public SelfSchedulingOffer ToOffer() => new(Id, RequestKey, Panel.ToPanel(), OfferedAt, ExpiresAt, Email.ToEmail())
        {
            PickedAt = PickedAt,
            PickedStart = PickedStart,
        };
    }

    private sealed record PanelRow(List<SessionRow> Sessions, RangeRow Window, List<RangeRow> CandidateAvailability, int MaxOptions)
    {
        public static PanelRow From(PanelRequest panel) => new(
            [.. panel.Sessions.Select(s => new SessionRow(s.Title, s.Duration, s.MinimumOptional, [.. s.Interviewers.Select(i => new InterviewerRow(i.Email, i.Optional))]))],
            RangeRow.From(panel.Window),
            [.. panel.CandidateAvailability.Select(RangeRow.From)],
            panel.MaxOptions);

        public PanelRequest ToPanel() => new(
            [.. Sessions.Select(s => new SessionRequest(s.Title, s.Duration, s.MinimumOptional, [.. s.Interviewers.Select(i => new InterviewerRequest(i.Email, i.Optional))]))],
            Window.ToRange(),
            [.. CandidateAvailability.Select(r => r.ToRange())],
            MaxOptions,
            Start: null);
    }

    private sealed record SessionRow(string Title, TimeSpan Duration, int MinimumOptional, List<InterviewerRow> Interviewers);

    private sealed record InterviewerRow(string Email, bool Optional);

    private sealed record RangeRow(DateTimeOffset Start, DateTimeOffset End)
    {
        public static RangeRow From(TimeRange range) => new(range.Start, range.End);

        public TimeRange ToRange() => new(Start, End);
    }

    private sealed record EmailRow(
        string Marker,
        string Sender,
        int Attempts,
        DateTimeOffset? MarkedAt,
        string? DraftId,
        DateTimeOffset? SendRequestedAt,
        DateTimeOffset? SentAt,
        string? FailureReason)
    {
        public static EmailRow From(OfferEmail email) => new(
            email.Marker, email.SenderMailbox, email.Attempts, email.MarkedAt, email.DraftId, email.SendRequestedAt, email.SentAt, email.FailureReason);

        public OfferEmail ToEmail() => new(Marker, Sender)
        {
            Attempts = Attempts,
            MarkedAt = MarkedAt,
            DraftId = DraftId,
            SendRequestedAt = SendRequestedAt,
            SentAt = SentAt,
            FailureReason = FailureReason,
        };
    }
}
