namespace InterviewScheduler.Core.Applications;

/// <summary>
/// What makes two submissions the same application: the source and its external id, or, without an external id,
/// the normalised email and the role id. The key holds personal data: stores keep a hash of it, and erasure removes it.
/// </summary>
public static class DeduplicationKeys
{
    public static string For(string source, string? externalId, string email, string roleId)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(roleId);
        return externalId is not null
            ? $"source:{source.ToUpperInvariant()}:{externalId}"
            : $"email:{email.Trim().ToUpperInvariant()}:{roleId.ToUpperInvariant()}";
    }
}
