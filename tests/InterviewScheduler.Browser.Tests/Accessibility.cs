using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace InterviewScheduler.Browser.Tests;

/// <summary>axe-core's checks on a page as it is now: no serious or critical violation.</summary>
public static class Accessibility
{
    /// <summary>Every check's violations by impact, one line per page state: <c>artifacts/screenshots/axe.txt</c>.</summary>
    public static string ReportPath { get; } = Path.Combine(BrowserWorld.ScreenshotFolder, "axe.txt");

    private static readonly Lock Gate = new();

    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var byImpact = string.Join(", ", new[] { "critical", "serious", "moderate", "minor" }
            .Select(impact => $"{impact} {result.Violations.Where(v => v.Impact == impact).Sum(v => v.Nodes.Length)}"));
        var rules = string.Join(" ", result.Violations.Select(v => $"{v.Id}({v.Impact})"));
        lock (Gate)
        {
            File.AppendAllText(ReportPath, $"{new Uri(page.Url).AbsolutePath}: {byImpact} (nodes){(rules.Length > 0 ? "; " + rules : "")}{Environment.NewLine}");
        }

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})")));
    }
}
