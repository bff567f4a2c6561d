using InterviewScheduler.Sandbox.Users;

namespace InterviewScheduler.Sandbox;

/// <summary>
/// The in-memory state of the simulated Microsoft 365 tenant: users and their mailbox settings, calendars,
/// mail folders, the request log and the fault rules. Every member is safe to call from concurrent requests
/// (one lock guards the mailbox state; values handed out are immutable snapshots).
/// </summary>
public sealed partial class SandboxTenant
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SandboxUser> _usersByAddress = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Guid, SandboxUser> _usersById = [];
    private readonly Random _random;

    /// <summary>An empty tenant whose generated ids follow from <paramref name="seed"/>.</summary>
    public SandboxTenant(int seed = 42, TimeProvider? timeProvider = null)
    {
        _random = new Random(seed);
        _faultRandom = new Random(unchecked(seed * 31 + 7));
        TimeProvider = timeProvider ?? TimeProvider.System;
        var tenantBytes = new byte[16];
        _random.NextBytes(tenantBytes);
        TenantId = new Guid(tenantBytes);
    }

    /// <summary>The directory (tenant) id, used inside Teams join URLs.</summary>
    public Guid TenantId { get; }

    /// <summary>The clock for created, modified, sent and logged times.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>All users, ordered by address.</summary>
    public IReadOnlyList<SandboxUser> Users
    {
        get
        {
            lock (_gate)
            {
                return [.. _usersByAddress.Values.OrderBy(u => u.Address, StringComparer.OrdinalIgnoreCase)];
            }
        }
    }

    /// <summary>Adds a user, or replaces the one with the same address (keeping its calendar and mail).</summary>
    public SandboxUser AddUser(SandboxUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_gate)
        {
            if (_usersByAddress.Remove(user.Address, out var previous)) _usersById.Remove(previous.Id);
            _usersByAddress[user.Address] = user;
            _usersById[user.Id] = user;
        }

        return user;
    }

    /// <summary>Adds a user with the given mailbox time zone (IANA or Windows name); working hours default to 09:00–17:00 Monday–Friday in that zone.</summary>
    public SandboxUser AddUser(string address, string displayName, string timeZone, WorkingHours? workingHours = null, string? jobTitle = null) =>
        AddUser(SandboxUser.Create(address, displayName, timeZone, workingHours ?? WorkingHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0), timeZone), jobTitle));

    /// <summary>The user with this address (case-insensitive) or directory id, or null.</summary>
    public SandboxUser? FindUser(string idOrAddress)
    {
        lock (_gate)
        {
            return FindUserLocked(idOrAddress);
        }
    }

    private SandboxUser? FindUserLocked(string idOrAddress)
    {
        if (string.IsNullOrWhiteSpace(idOrAddress)) return null;
        var key = idOrAddress.Trim();
        if (_usersByAddress.TryGetValue(key, out var byAddress)) return byAddress;
        return Guid.TryParse(key, out var id) && _usersById.TryGetValue(id, out var byId) ? byId : null;
    }

    /// <summary>A random URL-safe token from the seeded generator; callers hold <see cref="_gate"/>.</summary>
    private string NextTokenLocked(int bytes)
    {
        var buffer = new byte[bytes];
        _random.NextBytes(buffer);
        return Convert.ToBase64String(buffer).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private string NextHexLocked(int bytes)
    {
        var buffer = new byte[bytes];
        _random.NextBytes(buffer);
        return Convert.ToHexString(buffer);
    }
}
