using InterviewScheduler.Functions.Pages;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Mvc;

namespace InterviewScheduler.Functions.Tests.Pages;

/// <summary>The pages are the files built in, with headers that keep them to this app; nothing else is served.</summary>
public sealed class PagesTests
{
    [Fact]
    public async Task The_workspace_without_its_slash_is_sent_to_it()
    {
        var result = await PagesFunction.Run(FunctionRequests.Get("/api/ui"), null, CancellationToken.None);

        Assert.Equal("/api/ui/", Assert.IsType<RedirectResult>(result).Url);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("index.html")]
    public async Task The_workspace_page_is_served_with_a_content_security_policy(string? path)
    {
        var request = FunctionRequests.Get("/api/ui/" + path);

        var result = await PagesFunction.Run(request, path, CancellationToken.None);

        var file = Assert.IsType<FileContentResult>(result);
        Assert.Equal("text/html; charset=utf-8", file.ContentType);
        Assert.Contains("<html lang=\"en\">", System.Text.Encoding.UTF8.GetString(file.FileContents), StringComparison.Ordinal);
        Assert.StartsWith("default-src 'self'", request.HttpContext.Response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", request.HttpContext.Response.Headers.XContentTypeOptions.ToString());
    }

    [Theory]
    [InlineData("../host.json")]
    [InlineData("..%2Fhost.json")]
    [InlineData("/etc/passwd")]
    [InlineData("missing.html")]
    [InlineData("InterviewScheduler.Functions.dll")]
    public async Task Anything_not_built_in_is_not_found(string path)
    {
        var result = await PagesFunction.Run(FunctionRequests.Get("/api/ui/" + path), path, CancellationToken.None);

        Assert.Equal(404, FunctionRequests.StatusOf(result));
        Assert.Contains("application/problem+json", Assert.IsType<ObjectResult>(result).ContentTypes);
    }

    [Fact]
    public void Every_page_file_is_built_in()
    {
        Assert.Contains("index.html", PagesFunction.Names);
        Assert.Contains("app.css", PagesFunction.Names);
    }
}
