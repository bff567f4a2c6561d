namespace InterviewScheduler.Sandbox;

/// <summary>How a <see cref="SandboxServer"/> listens and what its tenant starts with.</summary>
public sealed class SandboxOptions
{
    /// <summary>Kestrel URL(s), separated by <c>;</c>; port 0 picks any free port. The first one is <see cref="SandboxServer.RootUrl"/>.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>Seed of every random choice (seeded meetings, ids, fault rates): same (Seed, SeedDate), same tenant.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>First day of the seeded four weeks of meetings; null means today (UTC) from <see cref="TimeProvider"/>.</summary>
    public DateOnly? SeedDate { get; set; }

    /// <summary>The clock for created/modified times, the request log and the page; never the wall clock directly.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>True seeds the fictional Contoso company; false starts an empty tenant for tests that add their own users.</summary>
    public bool SeedCompany { get; set; } = true;
}
