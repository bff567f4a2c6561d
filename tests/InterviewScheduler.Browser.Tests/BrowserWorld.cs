using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using InterviewScheduler.DevHost.Azurite;
using InterviewScheduler.Sandbox;
using InterviewScheduler.Testing;
using Microsoft.Playwright;

namespace InterviewScheduler.Browser.Tests;

/// <summary>
/// The app as a person meets it: the DevHost (with its own Azurite, since it listens on the real queue names) against
/// the seeded sandbox tenant, and Debian's Chromium driven by Playwright. No browser is downloaded: Chromium is the
/// one at <c>/usr/bin/chromium</c> (or <c>INTERVIEWSCHEDULER_CHROMIUM</c>), which <c>.ci/run</c> installs.
/// </summary>
public sealed partial class BrowserWorld : IAsyncLifetime
{
    /// <summary>The seeded company's recruiter (talent.recruiter@contoso.com), who comes with the Recruiter role.</summary>
    public const string Recruiter = "Jordan Lee";

    /// <summary>How long a test waits for something the app does on its own (a send filed in Sent Items).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private AzuriteProcess? _azurite;
    private IPlaywright? _playwright;

    public TestClock Clock { get; } = TestClock.Default();

    public SandboxServer Sandbox { get; private set; } = null!;

    public TestDevHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The pages' console messages, script errors and failed requests, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Log { get; } = new();

    /// <summary>Where screenshots go: <c>artifacts/screenshots</c> at the repository's root.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("INTERVIEWSCHEDULER_CHROMIUM") is { Length: > 0 } given ? given : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Browser tests need Chromium at {chromium}: install Debian's package (apt-get install -y chromium), as .ci/run does, or set INTERVIEWSCHEDULER_CHROMIUM.");
        }

        _azurite = await TestStorage.StartPrivateAsync();
        Sandbox = await SandboxServer.StartAsync(new SandboxOptions { SeedDate = Clock.StartDay, TimeProvider = Clock });
        Host = await TestDevHost.StartAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["Graph:BaseUrl"] = Sandbox.GraphBaseUrl.ToString(),
            ["Graph:Auth"] = "None",
        }, clock: Clock);

        // Assertions wait as long as actions do (Playwright's 5 s default is short for CI's shared two cores).
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // The machine's network is closed: Chromium must not try to reach Google's services.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
        File.Delete(Accessibility.ReportPath);
    }

    /// <summary>A fresh browser (its own cookies) on the DevHost, on a laptop's screen unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null, string? timeZone = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseUrl.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1366, Height = 900 },
            TimezoneId = timeZone,
            Locale = "en-GB",
        });
        // Generous: CI runs the other test assemblies beside these on two cores.
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        // What the page said and what failed, for the test's output when something goes wrong.
        page.Console += (_, message) => Log.Enqueue($"console {message.Type}: {message.Text}");
        page.PageError += (_, error) => Log.Enqueue($"page error: {error}");
        page.Response += (_, response) => { if (response.Status >= 400) Log.Enqueue($"{response.Status} {response.Request.Method} {response.Url}"); };
        return page;
    }

    /// <summary>
    /// Signs the page's browser in through the DevHost's development sign-in, as the sandbox person named
    /// <paramref name="displayName"/>, with or without the Recruiter role; ends on <paramref name="then"/>.
    /// </summary>
    public static async Task SignInAsync(IPage page, string displayName, bool recruiter, string then = "/api/ui/")
    {
        await page.GotoAsync($".auth/login/dev?post_login_redirect_uri={Uri.EscapeDataString(then)}");
        var person = page.GetByRole(AriaRole.Listitem).Filter(new LocatorFilterOptions { Has = page.GetByRole(AriaRole.Button, new() { Name = displayName, Exact = true }) });
        await person.GetByRole(AriaRole.Checkbox).SetCheckedAsync(recruiter);
        await person.GetByRole(AriaRole.Button, new() { Name = displayName, Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**{then}*");
    }

    /// <summary>An application, as the careers site would send it; its id.</summary>
    public async Task<string> ApplyAsync(string name, string email, string timeZone = "Europe/London")
    {
        using var response = await Host.Http.PostAsJsonAsync("api/applications", new
        {
            candidate = new { name, email, timeZone },
            role = new { id = "senior-engineer", title = "Senior Software Engineer" },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString()!;
    }

    /// <summary>
    /// The pick-a-time link in the email the candidate at <paramref name="email"/> got, read from the sandbox tenant's
    /// Sent Items as the candidate would read it (Exchange files a send a moment after accepting it, so this waits).
    /// </summary>
    public async Task<string> PickLinkSentToAsync(string email)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var links = Sandbox.Tenant.SentMail()
                .Where(m => m.ToRecipients.Any(r => string.Equals(r.Address, email, StringComparison.OrdinalIgnoreCase)))
                .Select(m => PickLink().Match(WebUtility.HtmlDecode(m.BodyContent)))
                .Where(found => found.Success)
                .Select(found => found.Value)
                .ToList();
            if (links.Count > 0) return Assert.Single(links);
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No pick-a-time email reached {email} in {Patience.TotalSeconds} s.");
            await Task.Delay(100);
        }
    }

    /// <summary>Keeps the page as <c>artifacts/screenshots/{name}.png</c>: all of it, or only what the screen shows.</summary>
    public static Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = fullPage });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (Host is not null) await Host.DisposeAsync();
        if (Sandbox is not null) await Sandbox.DisposeAsync();
        if (_azurite is not null) await _azurite.DisposeAsync();
    }

    [GeneratedRegex("""https?://[^"'\s<>]+/api/ui/pick\.html#t=[0-9a-f.]+""")]
    private static partial Regex PickLink();

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "InterviewScheduler.sln"))) return folder.FullName;
        }

        return AppContext.BaseDirectory;
    }
}
