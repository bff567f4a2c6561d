using InterviewScheduler.DevHost.SignIn;
using InterviewScheduler.Functions.Access;
using InterviewScheduler.Sandbox.Seeding;

namespace InterviewScheduler.Testing;

/// <summary>Signed-in people of the sandbox's company, as App Service Authentication would pass them to the functions.</summary>
public static class TestPrincipals
{
    /// <summary>The company's recruiter, with the app role Recruiter: what recruiter requests carry by default.</summary>
    public static ClientPrincipal Recruiter { get; } = DevAccounts.PrincipalFor(DevAccounts.Find(SandboxCompany.RecruiterMailbox)!, recruiter: true);

    /// <summary>An interviewer, signed in but without the Recruiter role.</summary>
    public static ClientPrincipal Interviewer { get; } = DevAccounts.PrincipalFor(SandboxCompany.Interviewers[0], recruiter: false);
}
