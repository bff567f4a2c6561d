using System.Text;
using System.Text.RegularExpressions;
using InterviewScheduler.Functions.Pages;
using InterviewScheduler.Functions.SelfScheduling;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Mvc;

namespace InterviewScheduler.Functions.Tests.SelfScheduling;

/// <summary>The candidate's page is built in, loads only its own files, and keeps the link's token out of URLs.</summary>
public sealed partial class PickPageTests
{
    [Theory]
    [InlineData("pick.html", "text/html; charset=utf-8")]
    [InlineData("pick.js", "text/javascript; charset=utf-8")]
    [InlineData("pick.css", "text/css; charset=utf-8")]
    public async Task The_pick_page_files_are_served_with_a_content_security_policy(string name, string contentType)
    {
        var (file, request) = await ServeAsync(name);

        Assert.Equal(contentType, file.ContentType);
        Assert.StartsWith("default-src 'self'", request.HttpContext.Response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", request.HttpContext.Response.Headers["Referrer-Policy"].ToString());
    }

    [Fact]
    public async Task The_page_has_no_inline_script_or_style_and_names_what_tests_and_people_look_for()
    {
        var html = Encoding.UTF8.GetString((await ServeAsync("pick.html")).File.FileContents);

        // The policy (default-src 'self') would block inline code: every script has a src, no element a style.
        Assert.All(Scripts().Matches(html), m => Assert.Contains("src=", m.Value, StringComparison.Ordinal));
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"\son[a-z]+=", html);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html); // nothing from elsewhere
        foreach (var part in new[]
        {
            "<h1 id=\"page-title\">Pick a time for your interview</h1>", "<label for=\"time-zone\">Time zone</label>",
            "What the interview will look like", "Available times", "role=\"status\" aria-live=\"polite\"",
            "id=\"confirmation-title\" tabindex=\"-1\"", "id=\"problem-title\" tabindex=\"-1\"",
        })
        {
            Assert.Contains(part, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_script_sends_the_token_in_the_header_and_reads_it_from_the_fragment()
    {
        var script = Encoding.UTF8.GetString((await ServeAsync("pick.js")).File.FileContents);

        Assert.Contains($"'{SelfSchedulingProblems.LinkHeader}'", script, StringComparison.Ordinal);
        Assert.Contains("window.location.hash", script, StringComparison.Ordinal);
        Assert.DoesNotContain("location.search", script, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal); // text only: nothing from the API becomes markup
    }

    private static async Task<(FileContentResult File, Microsoft.AspNetCore.Http.HttpRequest Request)> ServeAsync(string name)
    {
        var request = FunctionRequests.Get("/api/ui/" + name);
        var result = await PagesFunction.Run(request, name, CancellationToken.None);
        return (Assert.IsType<FileContentResult>(result), request);
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Scripts();
}
