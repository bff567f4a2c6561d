using System.Net;
using System.Net.Http.Headers;
using System.Text;
using InterviewScheduler.Sandbox.Faults;
using InterviewScheduler.Sandbox.Mail;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using MailFolder = InterviewScheduler.Sandbox.Mail.MailFolder;

namespace InterviewScheduler.Sandbox.Tests.Mail;

/// <summary>
/// Drafts, sending them, and Exchange's limits, as Microsoft documents them (each behaviour's page is in the
/// sandbox README), through the real Graph SDK. The tenant's clock stands still unless a test moves it.
/// </summary>
public sealed class DraftTests : IAsyncLifetime
{
    private const string Sender = "recruiting@contoso.com";
    private const string Colleague = "talent@contoso.com";
    private const string Marker = "String {4fc4e1fe-4cf7-4d4c-a3e7-aca56481c3b8} Name TestMarker";
    private const string Immutable = "IdType=\"ImmutableId\"";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero));
    private SandboxServer _server = null!;
    private GraphServiceClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { SeedCompany = false, TimeProvider = _clock });
        _server.Tenant.AddUser(Sender, "Contoso Recruiting", "Europe/London");
        _server.Tenant.AddUser(Colleague, "Talent Team", "Europe/London");
        _client = Graph.For(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static Message Letter(string marker, string to = "ada@example.org") => new()
    {
        Subject = "Thank you for applying",
        Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Hi Ada,</p>" },
        ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = to } }],
        InternetMessageHeaders = [new InternetMessageHeader { Name = "X-Application", Value = marker }],
        SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = Marker, Value = marker }],
    };

    private Task<Message?> CreateAsync(Message message) =>
        _client.Users[Sender].Messages.PostAsync(message, r => r.Headers.Add("Prefer", Immutable));

    private async Task<Message?> FindAsync(string folder, string marker)
    {
        var page = await _client.Users[Sender].MailFolders[folder].Messages.GetAsync(r =>
        {
            r.Headers.Add("Prefer", Immutable);
            r.QueryParameters.Filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{Marker}' and ep/value eq '{marker}')";
            r.QueryParameters.Expand = [$"singleValueExtendedProperties($filter=id eq '{Marker}')"];
            r.QueryParameters.Select = ["id", "isDraft", "internetMessageHeaders", "sentDateTime"];
        });
        return page?.Value?.SingleOrDefault();
    }

    [Fact]
    public async Task A_json_draft_gets_an_immutable_id_and_keeps_its_extended_property_in_drafts()
    {
        var draft = await CreateAsync(Letter("a-1"));

        Assert.True(draft!.IsDraft);
        Assert.StartsWith("AAkALgAA", draft.Id, StringComparison.Ordinal); // the immutable form, as asked
        Assert.False(string.IsNullOrEmpty(draft.ChangeKey));
        var found = await FindAsync("drafts", "a-1");
        Assert.Equal(draft.Id, found!.Id);
        Assert.Equal("a-1", Assert.Single(found.SingleValueExtendedProperties!).Value);

        // Without the header, the same message answers with its default id: the header applies per request.
        var plain = await _client.Users[Sender].Messages[draft.Id].GetAsync();
        Assert.NotEqual(draft.Id, plain!.Id);
        Assert.StartsWith("AAMkAGI2", plain.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mime_draft_is_created_from_base64_text()
    {
        var mime = "From: recruiting@contoso.com\r\nTo: ada@example.org\r\nSubject: Thank you for applying\r\nContent-Type: text/plain\r\n\r\nHi Ada,\r\n";
        using var http = new HttpClient();
        using var content = new StringContent(Convert.ToBase64String(Encoding.ASCII.GetBytes(mime)), Encoding.ASCII, "text/plain");
        using var answer = await http.PostAsync(new Uri(_server.GraphBaseUrl + "/users/recruiting@contoso.com/messages"), content);

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var draft = Assert.Single(_server.Tenant.MessagesIn(Sender, MailFolder.Drafts));
        Assert.Equal("Thank you for applying", draft.Subject);
        Assert.True(draft.IsDraft);
    }

    [Fact]
    public async Task A_sent_draft_is_in_no_folder_until_exchange_files_it_then_its_copy_has_new_ids_and_no_headers()
    {
        var draft = await CreateAsync(Letter("a-2"));

        await _client.Users[Sender].Messages[draft!.Id].Send.PostAsync(r => r.Headers.Add("Prefer", Immutable));

        // Accepted, on its way, and in no folder yet.
        Assert.Single(_server.Tenant.SentMail());
        var gone = await Assert.ThrowsAsync<ODataError>(() => _client.Users[Sender].Messages[draft.Id].GetAsync(r => r.Headers.Add("Prefer", Immutable)));
        Assert.Equal(404, gone.ResponseStatusCode);
        Assert.Null(await FindAsync("sentitems", "a-2"));
        Assert.Null(await FindAsync("drafts", "a-2"));

        _clock.Advance(_server.Tenant.SentItemsDelay);
        var copy = await FindAsync("sentitems", "a-2");
        Assert.NotNull(copy);
        Assert.False(copy.IsDraft);
        Assert.NotEqual(draft.Id, copy.Id); // mail-api-overview.md: sending a draft is the exception to stable ids
        Assert.Empty(copy.InternetMessageHeaders ?? []);
        Assert.Equal("a-2", Assert.Single(copy.SingleValueExtendedProperties!).Value);
    }

    [Fact]
    public async Task With_the_lenient_setting_the_drafts_immutable_id_finds_the_sent_copy()
    {
        _server.Tenant.SentCopyKeepsImmutableId = true;
        var draft = await CreateAsync(Letter("a-3"));
        await _client.Users[Sender].Messages[draft!.Id].Send.PostAsync(r => r.Headers.Add("Prefer", Immutable));
        _clock.Advance(_server.Tenant.SentItemsDelay);

        var copy = await _client.Users[Sender].Messages[draft.Id].GetAsync(r => r.Headers.Add("Prefer", Immutable));

        Assert.False(copy!.IsDraft);
        Assert.Equal(draft.Id, copy.Id);
    }

    [Fact]
    public async Task Sending_the_same_draft_twice_is_refused_and_sends_one_message()
    {
        var draft = await CreateAsync(Letter("a-4"));
        await _client.Users[Sender].Messages[draft!.Id].Send.PostAsync();
        _clock.Advance(TimeSpan.FromMinutes(5));

        var again = await Assert.ThrowsAsync<ODataError>(() => _client.Users[Sender].Messages[draft.Id].Send.PostAsync());

        Assert.Equal(404, again.ResponseStatusCode);
        Assert.Equal("ErrorItemNotFound", again.Error?.Code);
        Assert.Single(_server.Tenant.SentMail());
    }

    [Fact]
    public async Task A_draft_can_be_read_changed_and_deleted_and_a_sent_message_cannot_be_changed()
    {
        var draft = await CreateAsync(Letter("a-5"));

        var changed = await _client.Users[Sender].Messages[draft!.Id].PatchAsync(new Message
        {
            Subject = "Thanks again",
            SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = Marker, Value = "a-5b" }],
        });
        Assert.Equal("Thanks again", changed!.Subject);
        Assert.NotEqual(draft.ChangeKey, changed.ChangeKey);
        Assert.NotNull(await FindAsync("drafts", "a-5b"));

        await _client.Users[Sender].Messages[draft.Id].DeleteAsync();
        Assert.Empty(_server.Tenant.MessagesIn(Sender, MailFolder.Drafts));
        var deleted = await Assert.ThrowsAsync<ODataError>(() => _client.Users[Sender].Messages[draft.Id].GetAsync());
        Assert.Equal(404, deleted.ResponseStatusCode);

        _server.Tenant.SentItemsDelay = TimeSpan.Zero;
        var sent = await CreateAsync(Letter("a-5c"));
        await _client.Users[Sender].Messages[sent!.Id].Send.PostAsync();
        var copy = await FindAsync("sentitems", "a-5c");
        var refused = await Assert.ThrowsAsync<ODataError>(() => _client.Users[Sender].Messages[copy!.Id].PatchAsync(new Message { Subject = "Rewritten" }));
        Assert.Equal(400, refused.ResponseStatusCode);
    }

    [Fact]
    public async Task Tenant_recipients_get_the_internet_headers_the_sent_copy_does_not_keep()
    {
        _server.Tenant.SentItemsDelay = TimeSpan.Zero;
        await _client.Users[Sender].SendMail.PostAsync(new SendMailPostRequestBody { Message = Letter("a-6", Colleague), SaveToSentItems = true });

        var inbox = Assert.Single(_server.Tenant.MessagesIn(Colleague, MailFolder.Inbox));
        Assert.Equal("a-6", Assert.Single(inbox.InternetMessageHeaders).Value);
        Assert.Empty(inbox.SingleValueExtendedProperties);
        var sent = Assert.Single(_server.Tenant.MessagesIn(Sender, MailFolder.SentItems));
        Assert.Empty(sent.InternetMessageHeaders);
        Assert.Single(sent.SingleValueExtendedProperties);
    }

    [Fact]
    public async Task A_mailbox_sends_30_messages_in_any_minute_and_the_31st_gets_429_with_retry_after()
    {
        for (var i = 0; i < 30; i++)
        {
            await _client.Users[Sender].SendMail.PostAsync(new SendMailPostRequestBody { Message = Letter($"m-{i}"), SaveToSentItems = true });
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var refused = await Assert.ThrowsAsync<ODataError>(() => _client.Users[Sender].SendMail.PostAsync(
            new SendMailPostRequestBody { Message = Letter("m-30"), SaveToSentItems = true },
            r => r.Options.Add(new RetryHandlerOption { MaxRetry = 0 })));

        Assert.Equal(429, refused.ResponseStatusCode);
        // The first of the 30 leaves the rolling minute 60 s after it was sent: 30 s from now.
        Assert.Equal("30", refused.ResponseHeaders["Retry-After"].Single());
        Assert.Equal(30, _server.Tenant.SentMail().Count);
        _clock.Advance(TimeSpan.FromSeconds(30));
        await _client.Users[Sender].SendMail.PostAsync(new SendMailPostRequestBody { Message = Letter("m-31"), SaveToSentItems = true });
        Assert.Equal(31, _server.Tenant.SentMail().Count);
    }

    [Fact]
    public async Task A_mailbox_sends_to_10000_recipients_a_day_and_no_more()
    {
        var team = Enumerable.Range(0, 500).Select(i => new Recipient { EmailAddress = new EmailAddress { Address = $"p{i}@example.org" } }).ToList();
        for (var i = 0; i < 20; i++)
        {
            var message = Letter($"r-{i}");
            message.ToRecipients = team;
            await _client.Users[Sender].SendMail.PostAsync(new SendMailPostRequestBody { Message = message, SaveToSentItems = false });
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        var refused = await Assert.ThrowsAsync<ODataError>(() => _client.Users[Sender].SendMail.PostAsync(
            new SendMailPostRequestBody { Message = Letter("r-20"), SaveToSentItems = false },
            r => r.Options.Add(new RetryHandlerOption { MaxRetry = 0 })));

        Assert.Equal(429, refused.ResponseStatusCode);
        Assert.Equal("ErrorSubmissionQuotaExceeded", refused.Error?.Code);
        _clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(20) + TimeSpan.FromSeconds(1));
        await _client.Users[Sender].SendMail.PostAsync(new SendMailPostRequestBody { Message = Letter("r-21"), SaveToSentItems = false });
    }

    [Fact]
    public async Task A_fifth_request_open_against_one_mailbox_gets_429_mailbox_concurrency()
    {
        _server.Tenant.AddFault(new FaultRule { PathPattern = "/users/*/messages", Method = "GET", Kind = FaultKind.Latency, LatencyMilliseconds = 500 });
        using var http = new HttpClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => http.GetAsync(new Uri(_server.GraphBaseUrl + "/users/recruiting@contoso.com/messages"))));

        Assert.Equal(4, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        var throttled = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(2, throttled.Count);
        Assert.All(throttled, a => Assert.Equal(RetryConditionHeaderValue.Parse("1"), a.Headers.RetryAfter));
        Assert.Contains("MailboxConcurrency", await throttled[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Another mailbox is not affected.
        using var other = await http.GetAsync(new Uri(_server.GraphBaseUrl + "/users/talent@contoso.com/messages"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        foreach (var answer in answers) answer.Dispose();
    }

    [Fact]
    public async Task An_ambiguous_error_lets_the_send_take_effect_and_answers_504()
    {
        _server.Tenant.AddFault(new FaultRule { PathPattern = "*/sendMail", Kind = FaultKind.AmbiguousError, Count = 1 });

        var failed = await Assert.ThrowsAsync<ODataError>(() => _client.Users[Sender].SendMail.PostAsync(
            new SendMailPostRequestBody { Message = Letter("x-1"), SaveToSentItems = true },
            r => r.Options.Add(new RetryHandlerOption { MaxRetry = 0 })));

        Assert.Equal(504, failed.ResponseStatusCode);
        Assert.Single(_server.Tenant.SentMail()); // it went out all the same
    }

    [Fact]
    public async Task An_ambiguous_timeout_creates_the_draft_and_never_answers()
    {
        _server.Tenant.AddFault(new FaultRule { PathPattern = "/users/*/messages", Method = "POST", Kind = FaultKind.AmbiguousTimeout, LatencyMilliseconds = 20_000, Count = 1 });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.Users[Sender].Messages.PostAsync(Letter("x-2"), cancellationToken: timeout.Token));

        // The draft was made before the answer was held back; the caller just never heard.
        Assert.Single(_server.Tenant.MessagesIn(Sender, MailFolder.Drafts));
    }
}
