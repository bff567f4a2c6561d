namespace InterviewScheduler.Infra.Tests;

public sealed class TemplatePlaceholderTests
{
    [Fact]
    public void Infra_folder_exists() => Assert.True(Directory.Exists(Path.Combine(RepositoryRoot(), "infra")));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "InterviewScheduler.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
