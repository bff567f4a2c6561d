using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Applications.Acknowledgments;

namespace InterviewScheduler.Core.Tests.Applications;

public sealed class SubmissionValidationTests
{
    private static ApplicationSubmission Submission(string? email = "ada@example.org", string? zone = null, string? source = null, string? externalId = null) =>
        new(new CandidateSubmission("Ada Lovelace", email, zone), new RoleSubmission("senior-engineer", "Senior Software Engineer"), source, externalId);

    [Fact]
    public void Source_defaults_to_direct_and_fields_are_trimmed()
    {
        var validated = SubmissionValidation.Validate(Submission(email: "  ada@example.org "));

        Assert.True(validated.IsValid);
        Assert.Equal("direct", validated.Source);
        Assert.Equal("ada@example.org", validated.Candidate!.Email);
    }

    [Theory]
    [InlineData("Europe/London", "Europe/London")]
    [InlineData("europe/london", "Europe/London")]
    [InlineData("GMT Standard Time", "Europe/London")]
    [InlineData("Eastern Standard Time", "America/New_York")]
    [InlineData("India Standard Time", "Asia/Calcutta")]
    public void A_time_zone_given_as_iana_or_windows_is_stored_as_iana(string given, string expected)
    {
        var zone = SubmissionValidation.Validate(Submission(zone: given)).Candidate!.TimeZone;

        // Kolkata's IANA id has two spellings; TimeZoneConverter maps Windows ids to the canonical one.
        Assert.True(zone == expected || (expected == "Asia/Calcutta" && zone == "Asia/Kolkata"), zone);
    }

    [Fact]
    public void Without_an_external_id_the_key_is_the_normalised_email_and_role()
    {
        var first = SubmissionValidation.Validate(Submission(email: "Ada@Example.org"));
        var second = SubmissionValidation.Validate(Submission(email: "ada@example.ORG"));

        Assert.Equal(first.DeduplicationKey, second.DeduplicationKey);
    }

    [Fact]
    public void With_an_external_id_the_key_is_the_source_and_id_whatever_the_email()
    {
        var first = SubmissionValidation.Validate(Submission(email: "ada@example.org", source: "ats", externalId: "7"));
        var second = SubmissionValidation.Validate(Submission(email: "other@example.org", source: "ats", externalId: "7"));
        var otherSource = SubmissionValidation.Validate(Submission(email: "ada@example.org", source: "careers-site", externalId: "7"));

        Assert.Equal(first.DeduplicationKey, second.DeduplicationKey);
        Assert.NotEqual(first.DeduplicationKey, otherSource.DeduplicationKey);
    }

    [Fact]
    public void Every_missing_field_is_named()
    {
        var validated = SubmissionValidation.Validate(new ApplicationSubmission(null, null, null, null));

        Assert.Equal(["candidate.email", "candidate.name", "role.id", "role.title"], validated.Errors.Keys.Order());
    }

    [Fact]
    public void The_reply_date_counts_weekdays_in_the_candidates_zone_across_the_clock_change()
    {
        // 00:30 UTC on Sunday 25 October 2026 is 01:30 BST, still Sunday in London; clocks go back at 02:00.
        var receivedAt = new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 10, 30), AcknowledgmentTemplate.ReplyBy(receivedAt, "Europe/London", 5));
        // In Tokyo it is already Sunday morning too; in Los Angeles it is still Saturday evening: the same Friday.
        Assert.Equal(new DateOnly(2026, 10, 30), AcknowledgmentTemplate.ReplyBy(receivedAt, "America/Los_Angeles", 5));
        // Late Friday in New York is Saturday in UTC: counted from Friday, the reply is due the next Friday.
        Assert.Equal(new DateOnly(2026, 11, 6), AcknowledgmentTemplate.ReplyBy(new DateTimeOffset(2026, 10, 31, 2, 0, 0, TimeSpan.Zero), "America/New_York", 5));
    }
}
