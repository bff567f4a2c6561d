using InterviewScheduler.Core.TimeZones;

namespace InterviewScheduler.Functions.SelfScheduling;

/// <summary>The zone a candidate asks to see times in: an IANA id (a Windows id is read as its IANA one).</summary>
public static class CandidateZone
{
    public const string Field = "timeZone";

    /// <summary>True for no zone at all (the default applies) or a known IANA or Windows id.</summary>
    public static bool IsValid(string? asked) => string.IsNullOrWhiteSpace(asked) || TimeZoneResolver.IanaIdOf(asked) is not null;

    /// <summary>The asked zone; when none is asked, the candidate's own (<paramref name="fallback"/>), else UTC.</summary>
    public static (string Id, TimeZoneInfo Zone) Resolve(string? asked, string? fallback)
    {
        foreach (var name in new[] { asked, fallback })
        {
            if (TimeZoneResolver.IanaIdOf(name) is { } id && TimeZoneResolver.TryResolve(id, out var zone)) return (id, zone);
        }

        return ("UTC", TimeZoneInfo.Utc);
    }

    /// <summary>The 400 for a zone that is not known.</summary>
    public static IReadOnlyDictionary<string, string[]> Unknown() =>
        new Dictionary<string, string[]> { [Field] = ["Not a known IANA time zone, e.g. Europe/Paris."] };
}
