using System.Globalization;
using Azure;
using Azure.Data.Tables;
using InterviewScheduler.Core.Applications.Acknowledgments;
using InterviewScheduler.Storage.Connection;

namespace InterviewScheduler.Storage.Pacing;

/// <summary>
/// Paces sends per mailbox across every instance, in one table row per mailbox and limit, changed only with ETag
/// checks so concurrent senders never overspend: the last minute's sends (rolling, as Exchange counts), the last
/// day's recipients in hourly buckets, and the request slots held now.
/// </summary>
public sealed class TableSendPacer : ISendPacer
{
    /// <summary>
    /// The minute window plus a margin: a send reserved now reaches Exchange a moment later, and the margin keeps
    /// Exchange's own rolling minute from ever seeing one more than the limit.
    /// </summary>
    public static readonly TimeSpan MinuteWindow = TimeSpan.FromSeconds(65);

    /// <summary>A slot not released after this long belongs to an instance that stopped, and is free again.</summary>
    public static readonly TimeSpan SlotLease = TimeSpan.FromMinutes(2);

    private const int MaxConcurrencyRetries = 20;
    private const string WindowRow = "window";
    private const string SlotsRow = "slots";
    private readonly TableClient _table;
    private readonly CreatedOnce _created;
    private readonly MailOptions _options;
    private readonly TimeProvider _time;

    public TableSendPacer(StorageAccount account, StorageNames names, MailOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(options);
        _table = account.Table(names.SendPacingTable);
        _created = new CreatedOnce(() => _table.CreateIfNotExistsAsync());
        _options = options;
        _time = time;
    }

    public async Task<TimeSpan> ReserveAsync(string mailbox, int recipients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        if (_options.MessagesPerMinute == 0) return TimeSpan.Zero;
        await _created.EnsureAsync();
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var row = await ReadAsync(mailbox, WindowRow, cancellationToken);
            var now = _time.GetUtcNow();
            var sends = Ticks(row.GetString("Sends")).Where(t => t > (now - MinuteWindow).UtcTicks).ToList();
            var hours = Buckets(row.GetString("Hours")).Where(b => b.Key > HourOf(now - TimeSpan.FromDays(1)) - 1).ToDictionary();

            if (sends.Count >= _options.MessagesPerMinute)
            {
                // Wait for the oldest counted send to leave the window; the jitter spreads the waiting senders.
                var free = new DateTimeOffset(sends[^_options.MessagesPerMinute], TimeSpan.Zero) + MinuteWindow;
                return free - now + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 10_000));
            }

            if (hours.Values.Sum() + recipients > _options.RecipientsPerDay)
            {
                var oldest = hours.Keys.Min();
                return new DateTimeOffset(oldest * TimeSpan.TicksPerHour, TimeSpan.Zero) + TimeSpan.FromDays(1) + TimeSpan.FromHours(1) - now;
            }

            sends.Add(now.UtcTicks);
            hours[HourOf(now)] = hours.GetValueOrDefault(HourOf(now)) + recipients;
            row["Sends"] = string.Join(',', sends.Select(t => t.ToString(CultureInfo.InvariantCulture)));
            row["Hours"] = string.Join(',', hours.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Key}:{b.Value}")));
            if (await TryWriteAsync(row, cancellationToken)) return TimeSpan.Zero;
        }

        return TimeSpan.FromSeconds(1);
    }

    public async Task<IAsyncDisposable?> TryEnterAsync(string mailbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        if (_options.ConcurrentRequestsPerMailbox == 0) return new Slot(this, mailbox, null);
        await _created.EnsureAsync();
        var id = Guid.NewGuid().ToString("N");
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var row = await ReadAsync(mailbox, SlotsRow, cancellationToken);
            var now = _time.GetUtcNow();
            var held = Held(row.GetString("Held")).Where(h => h.Until > now.UtcTicks).ToList();
            if (held.Count >= _options.ConcurrentRequestsPerMailbox) return null;
            held.Add((id, (now + SlotLease).UtcTicks));
            row["Held"] = Format(held);
            if (await TryWriteAsync(row, cancellationToken)) return new Slot(this, mailbox, id);
        }

        return null;
    }

    private async Task ReleaseAsync(string mailbox, string id)
    {
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var row = await ReadAsync(mailbox, SlotsRow, CancellationToken.None);
            var held = Held(row.GetString("Held")).Where(h => h.Id != id && h.Until > _time.GetUtcNow().UtcTicks).ToList();
            row["Held"] = Format(held);
            if (await TryWriteAsync(row, CancellationToken.None)) return;
        }

        // Not released: the slot frees itself when its lease ends.
    }

    private async Task<TableEntity> ReadAsync(string mailbox, string rowKey, CancellationToken cancellationToken)
    {
        var partition = mailbox.Trim().ToUpperInvariant();
        var existing = await _table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
        return existing.HasValue ? existing.Value! : new TableEntity(partition, rowKey);
    }

    /// <summary>Writes a row read by <see cref="ReadAsync"/>: false when another instance changed (or created) it first.</summary>
    private async Task<bool> TryWriteAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            if (row.ETag == default) await _table.AddEntityAsync(row, cancellationToken);
            else await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            return false;
        }
    }

    private static long HourOf(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerHour;

    private static IEnumerable<long> Ticks(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Split(',').Select(t => long.Parse(t, CultureInfo.InvariantCulture));

    private static IEnumerable<KeyValuePair<long, int>> Buckets(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Split(',').Select(b => b.Split(':')).Select(p => KeyValuePair.Create(long.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[1], CultureInfo.InvariantCulture)));

    private static IEnumerable<(string Id, long Until)> Held(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Split(',').Select(h => h.Split(':')).Select(p => (p[0], long.Parse(p[1], CultureInfo.InvariantCulture)));

    private static string Format(IEnumerable<(string Id, long Until)> held) =>
        string.Join(',', held.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Id}:{h.Until}")));

    /// <summary>A held request slot; disposing releases it (best effort: an unreleased slot expires).</summary>
    private sealed class Slot(TableSendPacer pacer, string mailbox, string? id) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (id is not null) await pacer.ReleaseAsync(mailbox, id);
        }
    }
}
