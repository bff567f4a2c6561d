namespace InterviewScheduler.Browser.Tests;

/// <summary>
/// Every browser test shares one <see cref="BrowserWorld"/> and runs one after another: one DevHost, sandbox and
/// Chromium at a time on CI's two cores, and a test that moves the shared clock never runs beside another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserWorld>
{
    public const string Name = "Browser";
}
