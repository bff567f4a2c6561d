using InterviewScheduler.Core.Applications;

namespace InterviewScheduler.Core.Tests.Applications;

/// <summary>What intake refuses so that its fields cannot be turned against recruiters, logs or other people.</summary>
public sealed class SubmissionAbuseTests
{
    private static ApplicationSubmission Submission(string name = "Ada Lovelace", string title = "Senior Software Engineer", string? recruiter = null, string? externalId = null) =>
        new(new CandidateSubmission(name, "ada@example.org", null), new RoleSubmission("senior-engineer", title), null, externalId, recruiter);

    public static TheoryData<int> RefusedCodePoints() =>
    [
        0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F,
        0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
    ];

    [Theory]
    [MemberData(nameof(RefusedCodePoints))]
    public void A_control_or_bidirectional_character_inside_a_name_title_or_id_is_refused_naming_the_field(int codePoint)
    {
        var c = (char)codePoint;

        Assert.Equal(["candidate.name"], SubmissionValidation.Validate(Submission(name: $"Ada{c}Lovelace")).Errors.Keys);
        Assert.Equal(["role.title"], SubmissionValidation.Validate(Submission(title: $"Senior{c}Engineer")).Errors.Keys);
        Assert.Equal(["externalId"], SubmissionValidation.Validate(Submission(externalId: $"12{c}34")).Errors.Keys);
    }

    [Theory]
    [InlineData("Zoë Ó Súilleabháin")]
    [InlineData("Nguyễn Thị Minh Khai")]
    [InlineData("محمد عبد الله")]
    [InlineData("李小龙")]
    [InlineData("Jean-Luc O'Brien")]
    [InlineData("👩‍💻 Ada")] // a zero-width joiner (U+200D) joins emoji; it reorders nothing
    public void Names_in_any_script_pass(string name)
    {
        Assert.True(SubmissionValidation.Validate(Submission(name: name)).IsValid);
    }

    [Theory]
    [InlineData("talent.recruiter@contoso.com", true)]
    [InlineData("Talent.Recruiter@CONTOSO.com", true)]
    [InlineData("lead@fabrikam.com", true)]
    [InlineData("someone@example.org", false)]
    [InlineData("someone@eu.contoso.com", false)]
    [InlineData("someone@contoso.com.example.org", false)]
    public void A_recruiter_is_accepted_only_in_the_given_domains(string recruiter, bool accepted)
    {
        var limits = new IntakeLimits { RecruiterDomains = "contoso.com, @Fabrikam.com" };

        var validated = SubmissionValidation.Validate(Submission(recruiter: recruiter), limits);

        Assert.Equal(accepted, validated.IsValid);
        if (!accepted) Assert.Equal(["recruiterEmail"], validated.Errors.Keys);
    }

    [Fact]
    public void A_recruiter_outside_the_domains_is_named_with_the_other_errors()
    {
        var validated = SubmissionValidation.Validate(Submission(name: "Ada\u202ELovelace", recruiter: "someone@example.org"), new IntakeLimits { RecruiterDomains = "contoso.com" });

        Assert.Equal(["candidate.name", "recruiterEmail"], validated.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
