using System.Globalization;
using System.Text.Json;

namespace InterviewScheduler.LoadTests;

/// <summary>One Graph request from the sandbox's log: when it arrived (sandbox clock, UTC), what and how it was answered.</summary>
internal sealed record GraphRequest(DateTimeOffset Time, string Method, string Path, int Status, double DurationMilliseconds);

/// <summary>
/// Reads what the sandbox tenant saw through its control API: the mail a mailbox sent, matched to candidates by
/// recipient address, and the Graph request log. The times are the sandbox's own, from the same machine clock
/// as the script's.
/// </summary>
internal sealed class SandboxObserver(HttpClient http, Uri sandboxUrl, IReadOnlyList<string> mailboxes)
{
    /// <summary>Makes each sender mailbox of the pool in the sandbox, unless it is there.</summary>
    public async Task EnsureMailboxesAsync(CancellationToken cancellationToken)
    {
        using var users = await JsonDocument.ParseAsync(await http.GetStreamAsync(new Uri(sandboxUrl, "/sandbox/users"), cancellationToken), cancellationToken: cancellationToken);
        var known = users.RootElement.EnumerateArray().Select(u => u.GetProperty("address").GetString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var mailbox in mailboxes.Where(m => !known.Contains(m)))
        {
            using var body = new StringContent(JsonSerializer.Serialize(new { address = mailbox, displayName = "Recruiting (" + mailbox + ")", timeZone = "Europe/London" }), System.Text.Encoding.UTF8, "application/json");
            using var created = await http.PostAsync(new Uri(sandboxUrl, "/sandbox/users"), body, cancellationToken);
            created.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Send times of the messages to each recipient whose address starts with <paramref name="emailPrefix"/>, from every mailbox of the pool.</summary>
    public async Task<Dictionary<string, List<DateTimeOffset>>> SentMailAsync(string emailPrefix, CancellationToken cancellationToken)
    {
        var sent = new Dictionary<string, List<DateTimeOffset>>(StringComparer.OrdinalIgnoreCase);
        foreach (var mailbox in mailboxes) await SentMailAsync(mailbox, emailPrefix, sent, cancellationToken);
        return sent;
    }

    private async Task SentMailAsync(string mailbox, string emailPrefix, Dictionary<string, List<DateTimeOffset>> sent, CancellationToken cancellationToken)
    {
        await using var stream = await http.GetStreamAsync(new Uri(sandboxUrl, $"/sandbox/mail?mailbox={Uri.EscapeDataString(mailbox)}"), cancellationToken);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        foreach (var message in json.RootElement.EnumerateArray())
        {
            var at = DateTimeOffset.Parse(message.GetProperty("sentDateTime").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            foreach (var field in (string[])["toRecipients", "ccRecipients", "bccRecipients"])
            {
                if (!message.TryGetProperty(field, out var recipients)) continue;
                foreach (var recipient in recipients.EnumerateArray())
                {
                    var address = recipient.GetProperty("emailAddress").GetProperty("address").GetString();
                    if (address is null || !address.StartsWith(emailPrefix, StringComparison.OrdinalIgnoreCase)) continue;
                    if (!sent.TryGetValue(address, out var times)) sent[address] = times = [];
                    times.Add(at);
                }
            }
        }
    }

    /// <summary>The Graph requests that arrived at or after <paramref name="since"/>.</summary>
    public async Task<IReadOnlyList<GraphRequest>> RequestsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var stream = await http.GetStreamAsync(new Uri(sandboxUrl, "/sandbox/requests"), cancellationToken);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var requests = new List<GraphRequest>();
        foreach (var entry in json.RootElement.EnumerateArray())
        {
            var time = entry.GetProperty("time").GetDateTimeOffset();
            if (time < since) continue;
            requests.Add(new GraphRequest(
                time,
                entry.GetProperty("method").GetString() ?? "",
                entry.GetProperty("path").GetString() ?? "",
                entry.GetProperty("status").GetInt32(),
                entry.GetProperty("durationMilliseconds").GetDouble()));
        }

        return requests;
    }
}
